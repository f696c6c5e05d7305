package dev.opkit.mock.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.AdminConfig;
import dev.opkit.mock.testing.SandboxExtension;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's page and files on every provider's origin: strict headers, the right media types,
 * revalidation by entity tag, nothing outside its folder, and no dashboard without the admin API.
 */
class DashboardRoutesApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");

  @Test
  void rootWhenRequestedThenThePageWithHeadersThatKeepItToItsOrigin() {
    for (String ase : new String[] {"ase1", "ase2"}) {
      Response page = SANDBOX.at(ase).accept("text/html").get("/");

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
      assertThat(page.header("Content-Security-Policy"))
          .isEqualTo(DashboardRoutes.CONTENT_SECURITY_POLICY)
          .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
      assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
      assertThat(page.header("ETag")).startsWith("\"").endsWith("\"");
      assertThat(page.asString())
          .contains("<script type=\"module\" src=\"/dashboard/js/app.js\"></script>")
          .contains("href=\"#main\"");
      assertThat(INLINE_SCRIPT.matcher(page.asString()).find()).as("inline script").isFalse();
    }
  }

  @Test
  void filesWhenRequestedThenTheirMediaTypes() {
    Response script = SANDBOX.at("ase1").get("/dashboard/js/app.js");
    Response view = SANDBOX.at("ase1").get("/dashboard/js/views/grants.js");
    Response style = SANDBOX.at("ase1").get("/dashboard/dashboard.css");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.contentType().replace(" ", "")).isEqualTo("text/javascript;charset=utf-8");
    assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(script.asString()).contains("import");
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.contentType().replace(" ", "")).isEqualTo("text/javascript;charset=utf-8");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.contentType().replace(" ", "")).isEqualTo("text/css;charset=utf-8");
  }

  @Test
  void fileWhenItsEntityTagIsSentThenNotModified() {
    String etag = SANDBOX.at("ase1").get("/dashboard/js/app.js").header("ETag");

    Response again = SANDBOX.at("ase1").header("If-None-Match", etag).get("/dashboard/js/app.js");
    Response changed =
        SANDBOX.at("ase1").header("If-None-Match", "\"other\"").get("/dashboard/js/app.js");

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.asString()).isEmpty();
    assertThat(changed.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/dashboard/nothing.js",
        "/dashboard/index.html.bak",
        "/dashboard/JS/APP.JS",
        "/dashboard/../sandbox-default.yaml",
        "/dashboard/%2e%2e/sandbox-default.yaml",
        "/dashboard/..%2fauth/consent.mustache",
        "/dashboard/js/../../simplelogger.properties",
        "/dashboard/",
        "/dashboard"
      })
  void fileWhenNotOneOfTheDashboardsThenRefusedWithoutContent(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(SANDBOX.base("ase1") + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(path).isBetween(400, 404);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    // Nothing of the files outside the folder: the consent template, the default config, the log
    // settings.
    assertThat(response.body()).contains("\"error\"").doesNotContain("{{", "ases:", "org.slf4j");
  }

  @Test
  void walletWhenNamedDashboardThenRefusedAsReserved() {
    Response created =
        SANDBOX
            .at("ase1")
            .contentType("application/json")
            .body("{\"name\":\"dashboard\",\"assetCode\":\"USD\",\"assetScale\":2}")
            .post("/admin/wallet-addresses");

    assertThat(created.statusCode()).isEqualTo(400);
    assertThat(created.<String>path("error.description")).contains("reserved");
  }

  @Nested
  class WithoutAdminApi {
    @RegisterExtension
    static final SandboxExtension NO_ADMIN =
        new SandboxExtension(c -> c.withAdmin(new AdminConfig(false, null)));

    @Test
    void rootWhenAdminApiIsOffThenNoDashboard() {
      assertThat(NO_ADMIN.at("ase1").get("/").statusCode()).isEqualTo(404);
      assertThat(NO_ADMIN.at("ase1").get("/dashboard/js/app.js").statusCode()).isEqualTo(404);
    }
  }
}
