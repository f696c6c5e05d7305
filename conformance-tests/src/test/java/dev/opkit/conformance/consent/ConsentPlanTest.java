package dev.opkit.conformance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.conformance.standin.KitRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan of consents, from JUnit's test plan of whole runs (which stop at once here: the wallet
 * target misses its settings, after the plan has started).
 */
class ConsentPlanTest {
  private static final String[] FEATURES = {
    "grants/outgoing-payment-grant.feature", "outgoing-payments/create-outgoing-payment.feature"
  };

  @TempDir Path dir;

  @Test
  void consentsWhenATagFilterIsSetThenOnlyTheConsentsItSelects() {
    KitRun.run(dir, Map.of("opkit.target", "wallet"), null, FEATURES);
    int all = ConsentPlan.consents(tags -> true).orElseThrow();

    KitRun.run(
        dir,
        Map.of(
            "opkit.target", "wallet", ConsentPlan.TAG_FILTER, "@gnap-4 and not @op-post-request"),
        null,
        FEATURES);

    assertThat(all).isGreaterThan(2);
    assertThat(ConsentPlan.consents(tags -> true)).isEqualTo(OptionalInt.of(0));
    KitRun.run(
        dir, Map.of("opkit.target", "wallet", ConsentPlan.TAG_FILTER, "@gnap-4"), null, FEATURES);
    assertThat(ConsentPlan.consents(tags -> true)).isEqualTo(OptionalInt.of(2));
    assertThat(ConsentPlan.consents(tags -> !tags.contains("@gnap-4")))
        .isEqualTo(OptionalInt.of(0));
  }

  @Test
  void consentsWhenANameFilterIsSetThenNotKnown() {
    KitRun.run(dir, Map.of("opkit.target", "wallet"), "^The user accepts the grant$", FEATURES);

    assertThat(ConsentPlan.consents(tags -> true)).isEmpty();
  }
}
