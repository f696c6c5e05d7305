package dev.opkit.mock.http;

import static dev.opkit.mock.testing.TestGrants.CLIENT;
import static dev.opkit.mock.testing.TestGrants.incoming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.opkit.mock.testing.SandboxExtension;
import dev.opkit.protocol.gnap.AccessAction;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input never produces a 500 or a stack trace, always a JSON error, and never changes state.
 */
class BadInputApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private String token;

  @BeforeEach
  void token() {
    token =
        SANDBOX
            .access()
            .issue(
                "g",
                CLIENT,
                incoming(AccessAction.CREATE, AccessAction.LIST, AccessAction.COMPLETE));
  }

  @Test
  void postWhenMalformedJsonThen400NamingThePosition() {
    post("{\"walletAddress\": ")
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("error.code", equalTo("400"))
        .body("error.description", containsString("not valid JSON"));
    assertNothingCreated();
  }

  @Test
  void postWhenWrongTypeThen400FromTheSchema() {
    post("{\"walletAddress\":\"%s\",\"incomingAmount\":{\"value\":2500,\"assetCode\":\"USD\",\"assetScale\":2}}"
            .formatted(alice()))
        .then()
        .statusCode(400)
        .body("error.description", containsString("incomingAmount.value"));
    assertNothingCreated();
  }

  @Test
  void postWhenUnknownFieldThen400FromTheSchema() {
    post("{\"walletAddress\":\"%s\",\"amount\":\"1\"}".formatted(alice()))
        .then()
        .statusCode(400)
        .body("error.description", containsString("amount"))
        .body("error.details.violations[0].keyword", equalTo("additionalProperties"));
  }

  @Test
  void postWhenBodyIsNotAnObjectThen400() {
    post("[1,2]").then().statusCode(400);
    post("\"text\"").then().statusCode(400);
  }

  @Test
  void postWhenAmountValueNotUint64Then400() {
    post("{\"walletAddress\":\"%s\",\"incomingAmount\":{\"value\":\"-5\",\"assetCode\":\"USD\",\"assetScale\":2}}"
            .formatted(alice()))
        .then()
        .statusCode(400);
    post("{\"walletAddress\":\"%s\",\"incomingAmount\":{\"value\":\"18446744073709551616\",\"assetCode\":\"USD\",\"assetScale\":2}}"
            .formatted(alice()))
        .then()
        .statusCode(400);
    assertNothingCreated();
  }

  @Test
  void postWhenDeclaredBodyOverOneMegabyteThen413BeforeReadingIt() throws IOException {
    String response =
        rawExchange(
            "Content-Length: " + (JsonRequests.MAX_BODY_BYTES + 1) + "\r\n",
            new byte[0]); // the server must refuse on the declared length alone

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("application/json").contains("1 MB");
    assertNothingCreated();
  }

  @Test
  void postWhenChunkedBodyOverOneMegabyteThen413() throws IOException {
    int size = JsonRequests.MAX_BODY_BYTES + 1;
    byte[] chunk =
        (Integer.toHexString(size) + "\r\n" + "x".repeat(size) + "\r\n0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    String response = rawExchange("Transfer-Encoding: chunked\r\n", chunk);

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("application/json").contains("1 MB");
    assertNothingCreated();
  }

  /**
   * One POST over a plain socket, so the test controls exactly what is sent: an HTTP client would
   * either race the refusal with its upload or (JDK 17's, with Expect: 100-continue) wait forever.
   */
  private String rawExchange(String framingHeader, byte[] body) throws IOException {
    URI base = URI.create(SANDBOX.base("ase1"));
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /incoming-payments HTTP/1.1\r\n"
                  + "Host: "
                  + base.getAuthority()
                  + "\r\n"
                  + "Authorization: GNAP "
                  + token
                  + "\r\n"
                  + "Content-Type: application/json\r\n"
                  + framingHeader
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void requestWhenJettyRefusesItBeforeRoutingThenJsonErrorNotHtml() throws IOException {
    for (String requestLine :
        List.of(
            "GET /%ZZ HTTP/1.1", "CONNECT /alice HTTP/1.1", "GET /alice HTTP/1.1\r\nBad Header")) {
      URI base = URI.create(SANDBOX.base("ase1"));
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(
                (requestLine + "\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String response =
            new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(response).as(requestLine).startsWith("HTTP/1.1 400");
        assertThat(response)
            .as(requestLine)
            .contains("Content-Type: application/json")
            .contains("{\"error\":{\"code\":\"invalid_request\"")
            .doesNotContain("<html");
      }
    }
  }

  @Test
  void postWhenNotJsonContentTypeThen415() {
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("text/plain")
        .body("{\"walletAddress\":\"" + alice() + "\"}")
        .post("/incoming-payments")
        .then()
        .statusCode(415)
        .body("error.description", containsString("application/json"));
  }

  @Test
  void postWhenJsonWithCharsetThenAccepted() {
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .header("Content-Type", "application/json; charset=utf-8")
        .body("{\"walletAddress\":\"" + alice() + "\"}")
        .post("/incoming-payments")
        .then()
        .statusCode(201);
  }

  @Test
  void getWhenAcceptExcludesJsonThen406() {
    SANDBOX
        .at("ase1")
        .accept("application/xml")
        .get("/alice")
        .then()
        .statusCode(406)
        .contentType("application/json");
    SANDBOX
        .at("ase1")
        .accept("application/json;q=0, text/html")
        .get("/alice")
        .then()
        .statusCode(406);
  }

  @Test
  void getWhenAcceptIsLikeABrowserOrAxiosThenJson() {
    SANDBOX
        .at("ase1")
        .accept("application/json, text/plain, */*")
        .get("/alice")
        .then()
        .statusCode(200);
    SANDBOX
        .at("ase1")
        .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .get("/alice")
        .then()
        .statusCode(200);
  }

  @Test
  void getWhenNodeSdkSendsContentTypeOnAGetThenAccepted() {
    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .header("Content-Type", "application/json")
        .get("/incoming-payments?wallet-address=" + alice())
        .then()
        .statusCode(200);
  }

  @Test
  void postWhenEmptyBodyWithJsonContentTypeThenTreatedAsNoBody() {
    String id = post("{\"walletAddress\":\"" + alice() + "\"}").path("id");

    SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .header("Content-Type", "application/json")
        .post(id.substring(SANDBOX.base("ase1").length()) + "/complete")
        .then()
        .statusCode(200);
    post("").then().statusCode(400).body("error.description", containsString("needs a JSON body"));
  }

  @Test
  void requestWhenUnknownRouteThen404Json() {
    SANDBOX
        .at("ase1")
        .get("/alice/unknown/route")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("error.description", containsString("not a route"));
  }

  @Test
  void requestWhenWrongMethodThen405Json() {
    SANDBOX
        .at("ase1")
        .delete("/incoming-payments")
        .then()
        .statusCode(405)
        .contentType("application/json")
        .body("error.description", startsWith("DELETE is not allowed on /incoming-payments"));
    SANDBOX.at("ase1").put("/alice").then().statusCode(405);
  }

  private Response post(String body) {
    return SANDBOX
        .at("ase1")
        .header("Authorization", "GNAP " + token)
        .contentType("application/json")
        .body(body)
        .post("/incoming-payments");
  }

  private void assertNothingCreated() {
    List<Object> created =
        SANDBOX
            .at("ase1")
            .header("Authorization", "GNAP " + token)
            .get("/incoming-payments?wallet-address=" + alice())
            .path("result");
    assertThat(created).isEmpty();
  }

  private static String alice() {
    return SANDBOX.wallet("ase1", "alice");
  }
}
