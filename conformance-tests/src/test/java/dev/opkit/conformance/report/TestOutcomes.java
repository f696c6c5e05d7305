package dev.opkit.conformance.report;

import dev.opkit.conformance.grading.Finding;
import dev.opkit.conformance.grading.KnownDivergence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One run's outcomes of every grade, for the report renderers' tests. */
final class TestOutcomes {
  static final ScenarioOutcome PASSED =
      new ScenarioOutcome(
          "grants/request-grant.feature",
          12,
          "An incoming-payment grant is issued at once",
          Grade.PASSED,
          null,
          List.of(),
          null,
          Duration.ofMillis(120));

  static final ScenarioOutcome DIVERGENT =
      new ScenarioOutcome(
          "grants/outgoing-payment-grant.feature",
          19,
          "The user accepts the grant",
          Grade.DIVERGENT,
          null,
          List.of(Finding.divergence(KnownDivergence.FINISH_HASH_STANDARD_BASE64, "hash=P2nn+/=")),
          null,
          Duration.ofMillis(300));

  static final ScenarioOutcome NOTED =
      new ScenarioOutcome(
          "signatures/request-signatures.feature",
          43,
          "An access token is only accepted with a signature",
          Grade.PASSED,
          null,
          List.of(Finding.note("status answered", "400 (the rule allows 400 or 401)")),
          null,
          Duration.ofMillis(80));

  static final ScenarioOutcome FAILED =
      new ScenarioOutcome(
          "grants/request-grant.feature",
          24,
          "A grant for an unknown kind of access is refused",
          Grade.FAILED,
          "MUST: an invalid grant request is refused with 400 invalid_request\n"
              + "  observed: error object without `code`: {\"error\":{\"description\":\"<b>x\"}}\u0007",
          List.of(),
          "#1 post-grant: POST https://auth.example/\n→ 400 after 3 ms",
          Duration.ofMillis(90));

  static final ScenarioOutcome SKIPPED =
      new ScenarioOutcome(
          "tokens/token-expiry.feature",
          7,
          "An expired token is refused",
          Grade.SKIPPED,
          "needs the sandbox's clock (to move the wallet's time forward), which wallet targets do"
              + " not have",
          List.of(),
          null,
          Duration.ZERO);

  static RunOutcome run(ScenarioOutcome... outcomes) {
    return new RunOutcome(
        "real wallets: sender https://wallet.example/alice",
        Instant.parse("2026-12-07T08:00:00Z"),
        Duration.ofMillis(4200),
        List.of(outcomes));
  }

  static RunOutcome everyGrade() {
    return run(PASSED, DIVERGENT, NOTED, FAILED, SKIPPED);
  }

  private TestOutcomes() {}
}
