package dev.opkit.mock.auth.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.auth.testing.AuthSandbox;
import dev.opkit.mock.auth.testing.Bodies;
import dev.opkit.mock.auth.testing.TestClient;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the consent page may send the user (RFC 9635 §2.5.2): an absolute https URI, or http on a
 * loopback host, without a fragment; the page says where that is.
 */
class FinishUriApiTest {
  @RegisterExtension static final AuthSandbox SANDBOX = new AuthSandbox();

  private TestClient client;

  @BeforeEach
  void client() {
    client = SANDBOX.client("app");
  }

  @Test
  void grantWhenFinishUriIsScriptDataFileOrOtherSchemeThen400NamingTheRule() {
    for (String uri :
        List.of(
            "javascript:alert(document.cookie)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "file:///etc/passwd",
            "ftp://client.example/finish")) {
      Response answer = request(uri);

      assertThat(answer.statusCode()).as(uri + " " + answer.asString()).isEqualTo(400);
      assertThat(answer.path("error.code").toString()).isEqualTo("invalid_request");
      assertThat(answer.path("error.description").toString())
          .contains("interact.finish.uri must be an absolute https URI")
          .contains("RFC 9635 §2.5.2")
          .contains("is not allowed");
    }
    assertThat(SANDBOX.sandbox().storedCounts().grants()).isZero();
  }

  @Test
  void grantWhenFinishUriHasFragmentOrPlainHttpElsewhereThen400() {
    Response fragment = request("https://client.example/finish#state");
    Response plainHttp = request("http://client.example/finish");
    Response relative = request("/finish");

    assertThat(fragment.statusCode()).as(fragment.asString()).isEqualTo(400);
    assertThat(fragment.path("error.description").toString()).contains("fragment (#state)");
    assertThat(plainHttp.statusCode()).as(plainHttp.asString()).isEqualTo(400);
    assertThat(plainHttp.path("error.description").toString()).contains("loopback");
    assertThat(relative.statusCode()).as(relative.asString()).isEqualTo(400);
    assertThat(SANDBOX.sandbox().storedCounts().grants()).isZero();
  }

  @Test
  void grantWhenFinishUriIsHttpsOrLoopbackHttpThenPending() {
    for (String uri :
        List.of(
            "https://client.example/finish?session=s1",
            "http://localhost:3344",
            "http://127.0.0.1:3344/cb",
            "http://[::1]:3344/cb")) {
      Response answer = request(uri);

      assertThat(answer.statusCode()).as(uri + " " + answer.asString()).isEqualTo(200);
      assertThat(answer.path("interact.redirect").toString()).isNotBlank();
    }
  }

  @Test
  void consentPageWhenFinishUriThenSaysWhereTheUserIsSent() {
    TestClient.Pending pending = client.requestInteractive("ase1", access());

    String html = client.consentPage(pending).asString();

    assertThat(html)
        .contains("you go back to <strong>client.example</strong>")
        .contains("<span class=\"url\">https://client.example/finish?session&#x3D;s1</span>");
  }

  private Response request(String finishUri) {
    return client
        .signed("ase1")
        .contentType("application/json")
        .body(
            Bodies.json(
                """
                {"access_token":{"access":%s},"client":"%s",
                 "interact":{"start":["redirect"],
                             "finish":{"method":"redirect","uri":"%s","nonce":"n-1"}}}""",
                access(), client.url(), finishUri))
        .post("/auth");
  }

  private static String access() {
    return "[{\"type\":\"outgoing-payment\",\"actions\":[\"create\"],\"identifier\":\"%s\"}]"
        .formatted(SANDBOX.wallet("ase1", "alice"));
  }
}
