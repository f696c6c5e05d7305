package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.json.Json;
import org.junit.jupiter.api.Test;

/** The resource-server spec's get-outgoing-payment-grant examples. */
class GrantSpentAmountsTest {

  @Test
  void roundTripWhenSpentExampleThenSameJson() {
    GrantSpentAmounts spent =
        RoundTrip.assertRoundTrip(
            """
            {
              "spentReceiveAmount": {"value": "2500", "assetCode": "USD", "assetScale": 2},
              "spentDebitAmount": {"value": "2600", "assetCode": "USD", "assetScale": 2}
            }
            """,
            GrantSpentAmounts.class);
    assertThat(spent.spentDebitAmount()).isEqualTo(Amount.of("2600", "USD", 2));
  }

  @Test
  void roundTripWhenNothingSpentExampleThenBothKeysWrittenAsNull() {
    GrantSpentAmounts spent =
        RoundTrip.assertRoundTrip(
            "{\"spentReceiveAmount\": null, \"spentDebitAmount\": null}", GrantSpentAmounts.class);
    assertThat(spent.spentDebitAmount()).isNull();
    assertThat(Json.write(spent))
        .isEqualTo("{\"spentDebitAmount\":null,\"spentReceiveAmount\":null}");
  }

  @Test
  void writeWhenOnlyDebitSpentThenReceiveKeyStillPresent() {
    GrantSpentAmounts spent = new GrantSpentAmounts(Amount.of("1", "USD", 2), null);
    assertThat(Json.write(spent)).endsWith(",\"spentReceiveAmount\":null}");
  }
}
