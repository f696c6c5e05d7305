package dev.opkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static String section(String html, String location) {
    String anchor = "id=\"s-" + location.replaceAll("[^A-Za-z0-9_-]", "-") + "\"";
    int start = html.indexOf(anchor);
    assertThat(start).as("section of " + location).isPositive();
    return html.substring(start, html.indexOf("</section>", start));
  }

  @Test
  void renderWhenEveryGradeThenEachScenarioShowsItsGradeAndWhatExplainsIt() {
    String html = HtmlReport.render(TestOutcomes.everyGrade());

    assertThat(html)
        .contains("<title>Open Payments conformance: 1 failed, 1 divergent</title>")
        .contains("Verdict: 1 scenario(s) broke a MUST (see Failed).")
        .contains("2 passed", "1 failed", "1 divergent", "1 skipped")
        .contains("Target: real wallets: sender https://wallet.example/alice");
    assertThat(section(html, "grants/outgoing-payment-grant.feature:19"))
        .contains("<span class=\"grade divergent\">divergent</span> The user accepts the grant")
        .contains("finish hash in standard base64 with padding")
        .contains("<dt>specification</dt><dd>RFC 9635 §4.2.3")
        .contains("<dt>as done by</dt><dd>Rafiki, and the docs&#39; JavaScript snippet</dd>")
        .contains("<dt>observed</dt><dd>hash&#x3D;P2nn+/&#x3D;</dd>");
    assertThat(section(html, "grants/request-grant.feature:24"))
        .contains("<span class=\"grade failed\">failed</span>")
        .contains("Rule broken")
        .contains("error object without &#x60;code&#x60;")
        .contains("Last requests and responses")
        .contains("POST https://auth.example/");
    assertThat(section(html, "tokens/token-expiry.feature:7"))
        .contains("<span class=\"grade skipped\">skipped</span>")
        .contains("Skipped: needs the sandbox&#39;s clock");
    assertThat(section(html, "signatures/request-signatures.feature:43"))
        .contains("<span class=\"grade passed\">passed</span>")
        .contains("Note: status answered")
        .doesNotContain("class=\"finding\"");
  }

  @Test
  void renderWhenTheWalletAnswersMarkupThenItIsEscaped() {
    String html = HtmlReport.render(TestOutcomes.run(TestOutcomes.FAILED));

    assertThat(html).doesNotContain("<b>x").contains("&lt;b&gt;x");
  }

  @Test
  void renderWhenNoMustBrokenThenTheVerdictSaysSo() {
    String html = HtmlReport.render(TestOutcomes.run(TestOutcomes.PASSED, TestOutcomes.DIVERGENT));

    assertThat(html)
        .contains("<title>Open Payments conformance: no MUST broken</title>")
        .contains("class=\"verdict held\"")
        .contains("Verdict: no MUST of the specification was broken.");
  }
}
