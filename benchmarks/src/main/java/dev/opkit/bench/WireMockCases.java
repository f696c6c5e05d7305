package dev.opkit.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WireMock's per-test restart as a user's test class has it, run by {@link Junit5Run} through the
 * JUnit Platform: an instance-field {@link WireMockExtension} starts a server on a dynamic port
 * before each test and stops it after.
 */
class WireMockCases {
  @RegisterExtension
  final WireMockExtension wireMock =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RepeatedTest(Junit5Run.TESTS_PER_ROUND)
  void test() {
    if (!wireMock.getRuntimeInfo().getHttpBaseUrl().startsWith("http://localhost:")) {
      throw new AssertionError("WireMock is not running: " + wireMock.getRuntimeInfo());
    }
  }
}
