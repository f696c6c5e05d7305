package dev.opkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.conformance.standin.KitRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** What whole runs of the kit leave in the reports directory. */
class ConformanceReportsTest {
  @TempDir Path dir;

  @Test
  void runWhenAScenarioIsDivergentThenThePageAndTheJUnitXmlSayDivergentNotPassed() {
    KitRun.Result result =
        KitRun.run(
            dir,
            Map.of("opkit.target", "sandbox"),
            "^The user accepts the grant$",
            "grants/outgoing-payment-grant.feature");

    assertThat(result.exitCode()).isZero();
    assertThat(result.read(ConformanceReports.HTML))
        .contains("<span class=\"grade divergent\">divergent</span> The user accepts the grant")
        .contains("finish hash in standard base64 with padding")
        .contains("0 passed", "1 divergent");
    Element testcase = result.testcase("The user accepts the grant").orElseThrow();
    assertThat(testcase.getElementsByTagName("failure").getLength()).isZero();
    assertThat(testcase.getElementsByTagName("property").item(0).getAttributes())
        .satisfies(
            attributes -> {
              assertThat(attributes.getNamedItem("name").getNodeValue())
                  .isEqualTo(JUnitReport.GRADE_PROPERTY);
              assertThat(attributes.getNamedItem("value").getNodeValue()).isEqualTo("divergent");
            });
    assertThat(result.read(ConformanceReports.SUMMARY)).contains("1 divergent");
  }

  @Test
  void runWhenASettingIsMissingThenOnlyTheMessageAndTheNotStartedExitCode() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve(ConformanceReports.HTML), "an earlier run's page");
    Files.writeString(reports.resolve(ConformanceReports.JUNIT), "<testsuites/>");

    KitRun.Result result =
        KitRun.run(
            dir, Map.of("opkit.target", "wallet"), null, "grants/outgoing-payment-grant.feature");

    assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_STARTED.value());
    assertThat(result.read(ConformanceReports.SUMMARY))
        .startsWith("The conformance kit cannot start: opkit.wallet.sender is not set")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(result.has(ConformanceReports.HTML)).isFalse();
    assertThat(result.has(ConformanceReports.JUNIT)).isFalse();
    JsonNode finished = result.events().get(result.events().size() - 1);
    assertThat(finished.path("event").asText()).isEqualTo("run-finished");
    assertThat(finished.path("exitCode").asInt()).isEqualTo(3);
    assertThat(finished.path("error").asText()).contains("opkit.wallet.sender is not set");
  }
}
