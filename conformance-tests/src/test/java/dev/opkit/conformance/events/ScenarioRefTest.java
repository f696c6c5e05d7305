package dev.opkit.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ScenarioRefTest {
  @Test
  void featurePathWhenClasspathUriThenPathUnderFeatures() {
    assertThat(
            ScenarioRef.featurePath(URI.create("classpath:features/grants/request-grant.feature")))
        .isEqualTo("grants/request-grant.feature");
    assertThat(ScenarioRef.featurePath(URI.create("file:/tmp/x.feature")))
        .isEqualTo("file:/tmp/x.feature");
  }

  @Test
  void idWhenScenarioThenFeatureAndLine() {
    assertThat(
            ScenarioRef.of(URI.create("classpath:features/grants/request-grant.feature"), 12, "x")
                .id())
        .isEqualTo("grants/request-grant.feature:12");
  }
}
