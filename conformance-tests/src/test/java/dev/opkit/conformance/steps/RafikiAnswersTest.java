package dev.opkit.conformance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.conformance.report.JUnitReport;
import dev.opkit.conformance.standin.KitRun;
import dev.opkit.conformance.standin.RafikiLikeProxy;
import dev.opkit.mock.sandbox.Ase;
import dev.opkit.mock.sandbox.Sandbox;
import dev.opkit.mock.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * How the kit grades two answers a deployed Rafiki gives (issue 19, items 1 and 2), against a
 * running sandbox behind {@link RafikiLikeProxy}, which answers those two requests as Rafiki does.
 */
class RafikiAnswersTest {
  private static final List<RafikiLikeProxy> PROXIES = new ArrayList<>();
  private static Sandbox sandbox;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    SandboxConfig config = SandboxConfig.defaults().ephemeral();
    List<dev.opkit.mock.sandbox.AseConfig> ases = new ArrayList<>();
    for (var ase : config.ases()) {
      RafikiLikeProxy proxy = RafikiLikeProxy.start();
      PROXIES.add(proxy);
      ases.add(ase.withPublicUrl(proxy.url()));
    }
    sandbox = Sandbox.create(config.withAses(ases)).start();
    for (int i = 0; i < PROXIES.size(); i++) {
      Ase ase = sandbox.ases().get(i);
      PROXIES.get(i).forwardTo("http://127.0.0.1:" + sandbox.port(ase));
    }
  }

  @AfterAll
  static void stop() {
    sandbox.stop();
    PROXIES.forEach(RafikiLikeProxy::close);
  }

  private KitRun.Result run(String scenario, String feature) {
    return KitRun.run(
        dir,
        Map.of(
            "opkit.target",
            "url",
            "opkit.sandbox.urls",
            PROXIES.get(0).url() + "," + PROXIES.get(1).url()),
        "^" + scenario + "$",
        feature);
  }

  private static List<String> properties(Element testcase, String name) {
    List<String> values = new ArrayList<>();
    var nodes = testcase.getElementsByTagName("property");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element property = (Element) nodes.item(i);
      if (name.equals(property.getAttribute("name"))) {
        values.add(property.getAttribute("value"));
      }
    }
    return values;
  }

  @Test
  void unsignedTokenRequestWhenWalletAnswers400ThenPassedAndTheStatusIsNoted() {
    KitRun.Result result =
        run(
            "An access token is only accepted with a signature",
            "signatures/request-signatures.feature");

    assertThat(result.exitCode()).isZero();
    Element testcase =
        result.testcase("An access token is only accepted with a signature").orElseThrow();
    assertThat(properties(testcase, JUnitReport.GRADE_PROPERTY)).containsExactly("passed");
    assertThat(properties(testcase, JUnitReport.NOTE_PROPERTY))
        .containsExactly("status answered: 400 (the rule allows 400 or 401)");
    JsonNode finished =
        result.events().stream()
            .filter(e -> e.path("event").asText().equals("scenario-finished"))
            .findFirst()
            .orElseThrow();
    assertThat(finished.path("notes").path(0).path("observed").asText()).startsWith("400");
  }

  @Test
  void grantForUnknownAccessWhenErrorHasNoCodeThenFailedNamingIt() {
    KitRun.Result result =
        run("A grant for an unknown kind of access is refused", "grants/request-grant.feature");

    assertThat(result.exitCode()).isEqualTo(1);
    Element testcase =
        result.testcase("A grant for an unknown kind of access is refused").orElseThrow();
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).startsWith("MUST: ");
    assertThat(failure.getTextContent())
        .contains("every GNAP error object carries a code (RFC 9635 §3.6)")
        .contains("observed: error object without `code`: {\"error\":{\"description\":");
  }
}
