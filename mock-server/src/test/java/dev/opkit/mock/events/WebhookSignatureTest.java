package dev.opkit.mock.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known answers computed with Node.js the way Rafiki's backend signs ({@code json-canonicalize}'s
 * algorithm: {@code JSON.stringify} for primitives, keys sorted; {@code crypto.createHmac}).
 */
class WebhookSignatureTest {
  @Test
  void canonicalWhenRfc8785SampleThenJavaScriptsNumbersEscapesAndKeyOrder() {
    String input =
        """
        {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], \
        "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/", \
        "literals": [null, true, false]}""";

    assertThat(WebhookSignature.canonical(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void headerWhenKnownBodyTimeAndSecretThenNodesHmac() {
    String body =
        """
        {"id":"5a6c3f0e-3a43-4b5e-9b35-0a9d3c0e6c11","type":"incoming_payment.created",\
        "data":{"walletAddress":"http://localhost:4000/alice",\
        "incomingAmount":{"value":"2500","assetCode":"USD","assetScale":2},\
        "completed":false,"é":"ü","Z":1}}""";

    String canonical = WebhookSignature.canonical(body);

    assertThat(canonical)
        .isEqualTo(
            """
            {"data":{"Z":1,"completed":false,\
            "incomingAmount":{"assetCode":"USD","assetScale":2,"value":"2500"},\
            "walletAddress":"http://localhost:4000/alice","é":"ü"},\
            "id":"5a6c3f0e-3a43-4b5e-9b35-0a9d3c0e6c11","type":"incoming_payment.created"}""");
    assertThat(WebhookSignature.header("whsec_test", 1_700_000_000_123L, canonical))
        .isEqualTo(
            "t=1700000000123, v1=fd358efaab37752c3d603f7064163397b2a5676ab8d27868248d24cf8068db30");
  }
}
