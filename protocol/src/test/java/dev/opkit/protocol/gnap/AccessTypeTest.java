package dev.opkit.protocol.gnap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTypeTest {

  @Test
  void allowedActionsWhenIncomingPaymentThenAllSixIncludingComplete() {
    assertThat(AccessType.INCOMING_PAYMENT.allowedActions())
        .containsExactlyInAnyOrder(
            AccessAction.CREATE,
            AccessAction.COMPLETE,
            AccessAction.READ,
            AccessAction.READ_ALL,
            AccessAction.LIST,
            AccessAction.LIST_ALL);
  }

  @Test
  void allowsWhenOutgoingPaymentCompleteThenFalse() {
    assertThat(AccessType.OUTGOING_PAYMENT.allows(AccessAction.COMPLETE)).isFalse();
    assertThat(AccessType.OUTGOING_PAYMENT.allows(AccessAction.LIST_ALL)).isTrue();
  }

  @Test
  void allowsWhenQuoteListThenFalse() {
    assertThat(AccessType.QUOTE.allowedActions())
        .containsExactlyInAnyOrder(AccessAction.CREATE, AccessAction.READ, AccessAction.READ_ALL);
    assertThat(AccessType.QUOTE.allows(AccessAction.LIST)).isFalse();
    assertThat(AccessType.QUOTE.allows(AccessAction.COMPLETE)).isFalse();
  }

  @Test
  void identifierRuleWhenEachTypeThenAsTheSpecSchemas() {
    assertThat(AccessType.OUTGOING_PAYMENT.identifierRule())
        .isEqualTo(AccessType.IdentifierRule.REQUIRED);
    assertThat(AccessType.INCOMING_PAYMENT.identifierRule())
        .isEqualTo(AccessType.IdentifierRule.OPTIONAL);
    assertThat(AccessType.QUOTE.identifierRule())
        .isEqualTo(AccessType.IdentifierRule.NOT_IN_SCHEMA);
  }

  @Test
  void limitsAllowedWhenOnlyOutgoingPaymentThenTrue() {
    assertThat(AccessType.OUTGOING_PAYMENT.limitsAllowed()).isTrue();
    assertThat(AccessType.INCOMING_PAYMENT.limitsAllowed()).isFalse();
    assertThat(AccessType.QUOTE.limitsAllowed()).isFalse();
  }

  @Test
  void jsonWhenWrittenAndReadThenWireNames() {
    assertThat(Json.write(List.of(AccessType.values())))
        .isEqualTo("[\"incoming-payment\",\"outgoing-payment\",\"quote\"]");
    assertThat(Json.read("\"outgoing-payment\"", AccessType.class))
        .isEqualTo(AccessType.OUTGOING_PAYMENT);
    assertThat(AccessType.fromWireName("quote")).contains(AccessType.QUOTE);
    assertThat(AccessType.fromWireName("QUOTE")).isEmpty();
  }

  @Test
  void readWhenUnknownTypeThenInvalidJson() {
    assertThatThrownBy(() -> Json.read("\"payment\"", AccessType.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasCauseInstanceOf(InvalidFormatException.class);
  }
}
