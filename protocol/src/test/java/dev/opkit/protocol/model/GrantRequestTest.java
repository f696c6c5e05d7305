package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.amount.Amount;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Jwk;
import org.junit.jupiter.api.Test;

/** The auth-server spec's post-request examples, read and written back. */
class GrantRequestTest {

  @Test
  void roundTripWhenRecurringOutgoingPaymentExampleThenSameJson() {
    GrantRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "access_token": {
                "access": [
                  {
                    "type": "outgoing-payment",
                    "actions": ["create", "read"],
                    "identifier": "https://ilp.interledger-test.dev/alice",
                    "limits": {
                      "receiver": "https://ilp.interledger-test.dev/incoming-payments/45a0d0ee-26dc-4c66-89e0-01fbf93156f7",
                      "interval": "R12/2019-08-24T14:15:22Z/P1M",
                      "debitAmount": {"value": "500", "assetCode": "USD", "assetScale": 2}
                    }
                  }
                ]
              },
              "client": "https://webmonize.com/.well-known/pay",
              "interact": {
                "start": ["redirect"],
                "finish": {
                  "method": "redirect",
                  "uri": "https://webmonize.com/return/876FGRD8VC",
                  "nonce": "4edb2194-dbdf-46bb-9397-d5fd57b7c8a7"
                }
              }
            }
            """,
            GrantRequest.class);
    AccessItem item = request.accessToken().access().get(0);
    assertThat(item.type()).isEqualTo(AccessType.OUTGOING_PAYMENT);
    assertThat(item.actions()).containsExactly(AccessAction.CREATE, AccessAction.READ);
    assertThat(item.limits().interval()).isEqualTo("R12/2019-08-24T14:15:22Z/P1M");
    assertThat(item.limits().debitAmount()).isEqualTo(Amount.of("500", "USD", 2));
    assertThat(item.limits().receiveAmount()).isNull();
    assertThat(request.client())
        .isEqualTo(GrantClient.walletAddressString("https://webmonize.com/.well-known/pay"));
    assertThat(request.interact().finish().nonce())
        .isEqualTo("4edb2194-dbdf-46bb-9397-d5fd57b7c8a7");
  }

  @Test
  void roundTripWhenIncomingPaymentExampleThenSameJson() {
    GrantRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "access_token": {
                "access": [
                  {
                    "type": "incoming-payment",
                    "actions": ["create", "read"],
                    "identifier": "http://ilp.interledger-test.dev/bob"
                  }
                ]
              },
              "client": "https://webmonize.com/.well-known/pay"
            }
            """,
            GrantRequest.class);
    assertThat(request.interact()).isNull();
    assertThat(request.accessToken().access().get(0).permits(AccessAction.READ)).isTrue();
  }

  @Test
  void roundTripWhenDirectedIdentityExampleThenJwkClient() {
    GrantRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "access_token": {
                "access": [
                  {
                    "type": "incoming-payment",
                    "actions": ["create", "read"],
                    "identifier": "http://ilp.interledger-test.dev/bob"
                  }
                ]
              },
              "client": {
                "jwk": {
                  "kid": "example-key-1",
                  "alg": "EdDSA",
                  "use": "sig",
                  "kty": "OKP",
                  "crv": "Ed25519",
                  "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
                }
              }
            }
            """,
            GrantRequest.class);
    assertThat(request.client().jwk())
        .contains(
            new Jwk(
                "example-key-1",
                "EdDSA",
                "sig",
                "OKP",
                "Ed25519",
                "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
    assertThat(request.client().walletAddress()).isEmpty();
  }

  @Test
  void roundTripWhenSubjectExampleThenSubIds() {
    GrantRequest request =
        RoundTrip.assertRoundTrip(
            """
            {
              "subject": {
                "sub_ids": [{"id": "https://ilp.interledger-test.dev/alice", "format": "uri"}]
              },
              "client": "https://webmonize.com/.well-known/pay",
              "interact": {
                "start": ["redirect"],
                "finish": {
                  "method": "redirect",
                  "uri": "https://webmonize.com/return/876FGRD8VC",
                  "nonce": "4edb2194-dbdf-46bb-9397-d5fd57b7c8a7"
                }
              }
            }
            """,
            GrantRequest.class);
    assertThat(request.accessToken()).isNull();
    assertThat(request.subject().subIds())
        .containsExactly(SubjectId.uri("https://ilp.interledger-test.dev/alice"));
  }

  @Test
  void writeWhenProtocolNonInteractiveExampleBuiltInJavaThenExactBytes() {
    GrantRequest request =
        new GrantRequest(
            AccessTokenRequest.of(
                AccessItem.of(
                    AccessType.INCOMING_PAYMENT,
                    "https://rs/alice",
                    AccessAction.CREATE,
                    AccessAction.READ)),
            GrantClient.walletAddressString("https://wallet.example/client"),
            null,
            null);
    assertThat(Json.write(request))
        .isEqualTo(
            "{\"access_token\":{\"access\":[{\"type\":\"incoming-payment\",\"actions\":"
                + "[\"create\",\"read\"],\"identifier\":\"https://rs/alice\"}]},"
                + "\"client\":\"https://wallet.example/client\"}");
  }

  @Test
  void writeWhenInteractWithoutFinishThenFinishOmitted() {
    assertThat(Json.write(InteractRequest.redirect(null))).isEqualTo("{\"start\":[\"redirect\"]}");
  }

  @Test
  void readWhenUnknownFieldsAnywhereThenTolerated() {
    GrantRequest request =
        Json.read(
            "{\"client\":\"https://c\",\"future\":1,\"access_token\":{\"access\":[{\"type\":\"quote\","
                + "\"actions\":[\"create\"],\"flags\":[\"x\"]}],\"label\":\"l\"}}",
            GrantRequest.class);
    assertThat(request.accessToken().access().get(0).type()).isEqualTo(AccessType.QUOTE);
  }

  @Test
  void readWhenClientMissingThenMissingFieldNamed() {
    assertThatThrownBy(() -> Json.read("{\"access_token\":{\"access\":[]}}", GrantRequest.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("'client'")
        .hasRootCauseInstanceOf(MissingFieldException.class);
  }

  @Test
  void readWhenUnknownActionThenInvalidJsonAtItsPath() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"client\":\"https://c\",\"access_token\":{\"access\":[{\"type\":\"quote\","
                        + "\"actions\":[\"create\",\"delete\"]}]}}",
                    GrantRequest.class))
        .isInstanceOfSatisfying(
            InvalidJsonException.class,
            e -> assertThat(e.path()).isEqualTo("access_token.access[0].actions[1]"));
  }

  @Test
  void accessItemWhenListMutatedAfterConstructionThenCopyUnaffected() {
    java.util.List<AccessAction> actions = new java.util.ArrayList<>();
    actions.add(AccessAction.READ);
    AccessItem item = new AccessItem(AccessType.QUOTE, actions, null, null);
    actions.add(AccessAction.CREATE);
    assertThat(item.actions()).containsExactly(AccessAction.READ);
    assertThatThrownBy(() -> item.actions().add(AccessAction.CREATE))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
