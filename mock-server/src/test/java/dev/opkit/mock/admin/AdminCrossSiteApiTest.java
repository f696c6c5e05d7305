package dev.opkit.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.testing.SandboxExtension;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page the developer visits must not reset or change the sandbox: the admin API refuses foreign
 * origins and every "simple" request a page can send cross-site without a CORS preflight (a form or
 * a {@code text/plain} POST), while programs (curl, the kit, SDK scripts) keep working.
 */
class AdminCrossSiteApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FORM = "application/x-www-form-urlencoded";

  @BeforeEach
  void markerWallet() {
    SANDBOX
        .at("ase1")
        .contentType("application/json")
        .body("{\"name\":\"marker\",\"assetCode\":\"USD\",\"assetScale\":2}")
        .post("/admin/wallet-addresses")
        .then()
        .statusCode(201);
  }

  @Test
  void resetWhenFormPostFromAForeignPageThen403AndNothingReset() throws Exception {
    HttpResponse<String> answer =
        post("/admin/reset", FORM, "", "Origin", "https://attacker.example");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    assertThat(JsonPath.from(answer.body()).getString("error.code"))
        .isEqualTo("cross_site_request");
    assertThat(JsonPath.from(answer.body()).getString("error.description"))
        .contains("Origin: https://attacker.example");
    assertMarkerKept();
  }

  @Test
  void resetWhenFormPostWithoutOriginThen415AndNothingReset() throws Exception {
    for (String type : List.of(FORM, "text/plain", "multipart/form-data; boundary=x")) {
      HttpResponse<String> answer = post("/admin/reset", type, "");

      assertThat(answer.statusCode()).as(type + " " + answer.body()).isEqualTo(415);
      assertThat(answer.body()).contains("application/json");
    }
    assertMarkerKept();
  }

  @Test
  void resetWhenBrowserSaysCrossSiteOrSameSiteThen403() throws Exception {
    for (String site : List.of("cross-site", "same-site")) {
      HttpResponse<String> answer = post("/admin/reset", null, null, "Sec-Fetch-Site", site);

      assertThat(answer.statusCode()).as(site + " " + answer.body()).isEqualTo(403);
    }
    assertMarkerKept();
  }

  @Test
  void changeWhenTextPlainJsonBodyThen415AndNothingCreated() throws Exception {
    HttpResponse<String> answer =
        post(
            "/admin/wallet-addresses",
            "text/plain",
            "{\"name\":\"evil\",\"assetCode\":\"USD\",\"assetScale\":2}");
    HttpResponse<String> balance =
        post("/admin/wallet-addresses/marker/balance", "text/plain", "{\"value\":\"999999\"}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
    assertThat(balance.statusCode()).as(balance.body()).isEqualTo(415);
    SANDBOX.at("ase1").get("/evil").then().statusCode(404);
    SANDBOX.at("ase1").get("/admin/wallet-addresses/marker").then().statusCode(200);
    assertThat(
            SANDBOX
                .at("ase1")
                .get("/admin/wallet-addresses/marker")
                .jsonPath()
                .getString("balance.value"))
        .isEqualTo("0");
  }

  @Test
  void requestWhenOriginOfAnotherLocalPortOrNullThen403() throws Exception {
    for (String origin : List.of("http://localhost:3000", "null", "http://localhost")) {
      HttpResponse<String> answer = post("/admin/reset", null, null, "Origin", origin);
      HttpResponse<String> read = get("/admin/wallet-addresses", "Origin", origin);

      assertThat(answer.statusCode()).as(origin + " " + answer.body()).isEqualTo(403);
      assertThat(read.statusCode()).as(origin + " " + read.body()).isEqualTo(403);
    }
    assertMarkerKept();
  }

  @Test
  void requestWhenOwnOriginOrNoBrowserHeadersThenServed() throws Exception {
    String own = SANDBOX.base("ase1");
    String otherProvider = SANDBOX.base("ase2");
    int port = SANDBOX.sandbox().port(SANDBOX.sandbox().ase("ase1"));

    assertThat(get("/admin/clock", "Origin", own).statusCode()).isEqualTo(200);
    assertThat(get("/admin/clock", "Origin", otherProvider).statusCode()).isEqualTo(200);
    assertThat(get("/admin/clock", "Origin", "http://127.0.0.1:" + port).statusCode())
        .isEqualTo(200);
    assertThat(get("/admin/clock", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
    HttpResponse<String> created =
        post(
            "/admin/wallet-addresses",
            "application/json",
            "{\"name\":\"mine\",\"assetCode\":\"USD\",\"assetScale\":2}",
            "Origin",
            own,
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<String> reset = post("/admin/reset", null, null, "Sec-Fetch-Site", "none");

    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
    SANDBOX.at("ase1").get("/marker").then().statusCode(404);
  }

  private static void assertMarkerKept() {
    SANDBOX.at("ase1").get("/marker").then().statusCode(200);
  }

  private static HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SANDBOX.base("ase1") + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SANDBOX.base("ase1") + path))
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
