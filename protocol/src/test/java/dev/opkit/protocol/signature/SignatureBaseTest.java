package dev.opkit.protocol.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.keys.PemKeys;
import dev.opkit.protocol.keys.TestKeys;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known answers from RFC 9421: Appendix B.2.6 (Ed25519) and the §2.2 derived components. */
class SignatureBaseTest {

  /** The test request of RFC 9421 Appendix B.2. */
  private static HttpMessage rfcTestRequest() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "example.com");
    headers.put("Date", "Tue, 20 Apr 2021 02:07:55 GMT");
    headers.put("Content-Type", "application/json");
    headers.put(
        "Content-Digest",
        "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTH"
            + "WXvJwew==:");
    headers.put("Content-Length", "18");
    return HttpMessage.of(
        "POST", "https://example.com/foo?param=Value&Pet=dog", headers, "{\"hello\": \"world\"}");
  }

  private static final String B26_SIGNATURE_PARAMS =
      "(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
          + ";created=1618884473;keyid=\"test-key-ed25519\"";

  private static final String B26_BASE =
      """
      "date": Tue, 20 Apr 2021 02:07:55 GMT
      "@method": POST
      "@path": /foo
      "@authority": example.com
      "content-type": application/json
      "content-length": 18
      "@signature-params": ("date" "@method" "@path" "@authority" \
      "content-type" "content-length");created=1618884473;keyid="test-key-ed25519\"""";

  private static final String B26_SIGNATURE =
      "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";

  @Test
  void ofWhenRfc9421B26ThenPublishedSignatureBase() {
    SignatureBase base =
        SignatureBase.of(rfcTestRequest(), SignatureParameters.parse(B26_SIGNATURE_PARAMS));

    assertThat(base.text()).isEqualTo(B26_BASE);
  }

  @Test
  void signWhenRfc9421B26ThenPublishedSignatureAndItVerifies() {
    Ed25519KeyPair key = TestKeys.rfc9421();
    SignatureBase base =
        SignatureBase.of(rfcTestRequest(), SignatureParameters.parse(B26_SIGNATURE_PARAMS));

    byte[] signature = key.sign(base.bytes());

    assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(B26_SIGNATURE);
    assertThat(
            PemKeys.readPublicKey(TestKeys.resource("rfc9421/test-key-ed25519-public.pem"))
                .verify(base.bytes(), Base64.getDecoder().decode(B26_SIGNATURE)))
        .isTrue();
  }

  @Test
  void ofWhenRfc9421B26SignatureInputThenSameSerialisation() {
    assertThat(SignatureParameters.parse(B26_SIGNATURE_PARAMS).serialise())
        .isEqualTo(B26_SIGNATURE_PARAMS);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "@method         | POST",
        "@target-uri     | https://www.example.com/path?param=value",
        "@authority      | www.example.com",
        "@scheme         | https",
        "@request-target | /path?param=value",
        "@path           | /path",
        "@query          | ?param=value"
      })
  void ofWhenRfc9421Section22RequestThenDerivedComponentValue(String component, String value) {
    HttpMessage message =
        new HttpMessage(
            "POST",
            "https://www.example.com/path?param=value",
            Map.of("Host", "www.example.com"),
            null);

    assertThat(lineFor(message, component)).isEqualTo("\"" + component + "\": " + value);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman | ?param=value&foo=bar&baz=bat%2Dman",
        "https://www.example.com/path?queryString                      | ?queryString",
        "https://www.example.com/path                                   | ?",
        "https://www.example.com/path?                                  | ?"
      })
  void ofWhenQueryVariesThenRfc9421Section227Value(String target, String query) {
    HttpMessage message = new HttpMessage("GET", target, Map.of(), null);

    assertThat(lineFor(message, "@query")).isEqualTo("\"@query\": " + query);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://Wallet.Example:443/alice | wallet.example",
        "http://wallet.example:80/alice   | wallet.example",
        "http://localhost:3000/alice      | localhost:3000",
        "https://wallet.example:8443/     | wallet.example:8443"
      })
  void ofWhenPortAndCaseVaryThenNormalisedAuthority(String target, String authority) {
    HttpMessage message = new HttpMessage("GET", target, Map.of(), null);

    assertThat(lineFor(message, "@authority")).isEqualTo("\"@authority\": " + authority);
  }

  @Test
  void ofWhenTargetUriHasEncodedCharactersThenKeptExactlyAsSent() {
    String target =
        "https://wallet.example/incoming-payments?wallet-address=https%3A%2F%2Fwallet.example%2Falice";
    HttpMessage message = new HttpMessage("get", target, Map.of(), null);

    assertThat(lineFor(message, "@target-uri")).isEqualTo("\"@target-uri\": " + target);
    assertThat(lineFor(message, "@method")).isEqualTo("\"@method\": GET");
    assertThat(lineFor(message, "@path")).isEqualTo("\"@path\": /incoming-payments");
    assertThat(lineFor(message, "@request-target"))
        .isEqualTo(
            "\"@request-target\": /incoming-payments?wallet-address=https%3A%2F%2Fwallet.example%2Falice");
  }

  @Test
  void ofWhenPathEmptyThenSlash() {
    HttpMessage message = new HttpMessage("GET", "https://wallet.example", Map.of(), null);

    assertThat(lineFor(message, "@path")).isEqualTo("\"@path\": /");
  }

  @Test
  void ofWhenHeaderValueHasSurroundingSpacesThenTrimmed() {
    HttpMessage message =
        new HttpMessage("GET", "https://a.example/", Map.of("X-Thing", "  spaced  value \t"), null);

    assertThat(lineFor(message, "x-thing")).isEqualTo("\"x-thing\": spaced  value");
  }

  @Test
  void ofWhenCoveredHeaderMissingThenSignatureFormatException() {
    HttpMessage message = new HttpMessage("GET", "https://a.example/", Map.of(), null);

    assertThatThrownBy(() -> lineFor(message, "authorization"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessage("component \"authorization\" is covered but the header is missing");
  }

  @Test
  void ofWhenHeaderHoldsLineBreakThenSignatureFormatException() {
    HttpMessage message =
        new HttpMessage("GET", "https://a.example/", Map.of("X-Evil", "a\n\"@method\": GET"), null);

    assertThatThrownBy(() -> lineFor(message, "x-evil"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("line break");
  }

  @Test
  void ofWhenDerivedComponentUnknownThenSignatureFormatException() {
    HttpMessage message = new HttpMessage("GET", "https://a.example/", Map.of(), null);

    assertThatThrownBy(() -> lineFor(message, "@status"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("\"@status\" is not a supported derived component");
  }

  @Test
  void ofWhenTargetUriRelativeThenSignatureFormatException() {
    HttpMessage message = new HttpMessage("GET", "/incoming-payments", Map.of(), null);

    assertThatThrownBy(() -> lineFor(message, "@authority"))
        .isInstanceOf(SignatureFormatException.class)
        .hasMessageContaining("must be absolute");
  }

  private static String lineFor(HttpMessage message, String component) {
    String text =
        SignatureBase.of(message, SignatureParameters.parse("(\"" + component + "\")")).text();
    return text.substring(0, text.indexOf('\n'));
  }
}
