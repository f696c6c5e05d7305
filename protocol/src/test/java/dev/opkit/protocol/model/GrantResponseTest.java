package dev.opkit.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.json.InvalidJsonException;
import dev.opkit.protocol.json.Json;
import org.junit.jupiter.api.Test;

/** The auth-server spec's post-request, post-continue and post-token examples. */
class GrantResponseTest {

  @Test
  void roundTripWhenInteractionInstructionsExampleThenSameJson() {
    GrantResponse response =
        RoundTrip.assertRoundTrip(
            """
            {
              "interact": {
                "redirect": "https://auth.interledger-test.dev/4CF492MLVMSW9MKMXKHQ",
                "finish": "4105340a-05eb-4290-8739-f9e2b463bfa7"
              },
              "continue": {
                "access_token": {"value": "33OMUKMKSKU80UPRY5NM"},
                "uri": "https://auth.interledger-test.dev/continue/4CF492MLVMSW9MKMXKHQ",
                "wait": 30
              }
            }
            """,
            GrantResponse.class);
    assertThat(response.accessToken()).isNull();
    assertThat(response.interact().finish()).isEqualTo("4105340a-05eb-4290-8739-f9e2b463bfa7");
    assertThat(response.continuation().waitSeconds()).isEqualTo(30);
    assertThat(response.continuation().accessToken().value()).isEqualTo("33OMUKMKSKU80UPRY5NM");
  }

  @Test
  void roundTripWhenGrantExampleThenAccessTokenWithoutWait() {
    GrantResponse response =
        RoundTrip.assertRoundTrip(
            """
            {
              "access_token": {
                "value": "OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0",
                "manage": "https://auth.interledger-test.dev/token/dd17a202-9982-4ed9-ae31-564947fb6379",
                "expires_in": 3600,
                "access": [
                  {
                    "type": "incoming-payment",
                    "actions": ["create", "read"],
                    "identifier": "https://ilp.interledger-test.dev/bob"
                  }
                ]
              },
              "continue": {
                "access_token": {"value": "33OMUKMKSKU80UPRY5NM"},
                "uri": "https://auth.interledger-test.dev/continue/4CF492MLVMSW9MKMXKHQ"
              }
            }
            """,
            GrantResponse.class);
    assertThat(response.accessToken().expiresIn()).isEqualTo(3600);
    assertThat(response.continuation().waitSeconds()).isNull();
    assertThat(Json.write(response.continuation())).doesNotContain("wait");
  }

  @Test
  void roundTripWhenContinuedAfterInteractionExampleThenLimitsEchoed() {
    GrantResponse response =
        RoundTrip.assertRoundTrip(
            """
            {
              "access_token": {
                "value": "OS9M2PMHKUR64TB8N6BW7OZB8CDFONP219RP1LT0",
                "manage": "https://auth.interledger-test.dev/token/dd17a202-9982-4ed9-ae31-564947fb6379",
                "expires_in": 3600,
                "access": [
                  {
                    "type": "outgoing-payment",
                    "actions": ["create", "read"],
                    "identifier": "https://ilp.interledger-test.dev/alice",
                    "limits": {
                      "receiver": "https://ilp.interledger-test.dev/bob/incoming-payments/48884225-b393-4872-90de-1b737e2491c2",
                      "interval": "R12/2019-08-24T14:15:22Z/P1M",
                      "debitAmount": {"value": "500", "assetCode": "USD", "assetScale": 2}
                    }
                  }
                ]
              },
              "continue": {
                "access_token": {"value": "33OMUKMKSKU80UPRY5NM"},
                "uri": "https://auth.interledger-test.dev/continue/4CF492MLVMSW9MKMXKHQ",
                "wait": 30
              }
            }
            """,
            GrantResponse.class);
    assertThat(response.accessToken().access().get(0).limits().receiver()).endsWith("2491c2");
  }

  @Test
  void roundTripWhenContinuedWithSubjectExampleThenSubject() {
    GrantResponse response =
        RoundTrip.assertRoundTrip(
            """
            {
              "subject": {
                "sub_ids": [{"id": "https://ilp.interledger-test.dev/alice", "format": "uri"}]
              },
              "continue": {
                "access_token": {"value": "33OMUKMKSKU80UPRY5NM"},
                "uri": "https://auth.interledger-test.dev/continue/4CF492MLVMSW9MKMXKHQ",
                "wait": 30
              }
            }
            """,
            GrantResponse.class);
    assertThat(response.subject().subIds().get(0).format()).isEqualTo(SubjectId.URI);
  }

  @Test
  void roundTripWhenPendingInteractionExampleThenOnlyContinue() {
    GrantResponse response =
        RoundTrip.assertRoundTrip(
            """
            {
              "continue": {
                "access_token": {"value": "33OMUKMKSKU80UPRY5NM"},
                "uri": "https://auth.interledger-test.dev/continue/4CF492MLVMSW9MKMXKHQ",
                "wait": 30
              }
            }
            """,
            GrantResponse.class);
    assertThat(response.interact()).isNull();
    assertThat(response.accessToken()).isNull();
    assertThat(response.subject()).isNull();
  }

  @Test
  void readWhenContinueMissingThenMissingField() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"interact\":{\"redirect\":\"https://r\",\"finish\":\"n\"}}",
                    GrantResponse.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("'continue'");
  }

  @Test
  void roundTripWhenRotatedTokenExampleThenTokenResponse() {
    TokenResponse response =
        RoundTrip.assertRoundTrip(
            """
            {
              "access_token": {
                "value": "OZB8CDFONP219RP1LT0OS9M2PMHKUR64TB8N6BW7",
                "manage": "https://auth.interledger-test.dev/token/8f69de01-5bf9-4603-91ed-eeca101081f1",
                "expires_in": 3600,
                "access": [
                  {
                    "type": "outgoing-payment",
                    "actions": ["create", "read"],
                    "identifier": "https://ilp.interledger-test.dev/alice",
                    "limits": {
                      "interval": "R12/2019-08-24T14:15:22Z/P1M",
                      "receiver": "https://ilp.interledger-test.dev/bob/incoming-payments/48884225-b393-4872-90de-1b737e2491c2",
                      "debitAmount": {"value": "500", "assetCode": "USD", "assetScale": 2}
                    }
                  }
                ]
              }
            }
            """,
            TokenResponse.class);
    assertThat(response.accessToken().manage()).endsWith("8f69de01-5bf9-4603-91ed-eeca101081f1");
  }

  @Test
  void readWhenAccessTokenWithoutManageThenMissingField() {
    assertThatThrownBy(
            () ->
                Json.read(
                    "{\"access_token\":{\"value\":\"v\",\"access\":[]}}", TokenResponse.class))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessageContaining("'manage'");
  }

  @Test
  void roundTripWhenInteractionReferenceExampleThenContinueRequest() {
    ContinueRequest request =
        RoundTrip.assertRoundTrip(
            "{\"interact_ref\": \"ad82597c-bbfa-4eb0-b72e-328e005b8689\"}", ContinueRequest.class);
    assertThat(request.interactRef()).isEqualTo("ad82597c-bbfa-4eb0-b72e-328e005b8689");
  }

  @Test
  void writeWhenPollingThenEmptyObject() {
    assertThat(Json.write(ContinueRequest.poll())).isEqualTo("{}");
    assertThat(Json.read("{}", ContinueRequest.class).interactRef()).isNull();
  }

  @Test
  void writeWhenBuiltWithFactoriesThenProtocolShapes() {
    GrantResponse pending =
        GrantResponse.interactionRequired(
            new InteractResponse("https://as/interact/1/N", "AS-NONCE"),
            Continue.of("TOKEN", "https://as/continue/1", 5));
    assertThat(Json.write(pending))
        .isEqualTo(
            "{\"interact\":{\"redirect\":\"https://as/interact/1/N\",\"finish\":\"AS-NONCE\"},"
                + "\"continue\":{\"access_token\":{\"value\":\"TOKEN\"},"
                + "\"uri\":\"https://as/continue/1\",\"wait\":5}}");
  }
}
