package dev.opkit.bench;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.Test;

/**
 * WireMock's declarative form, one server for the class started before its first test, for {@link
 * Junit5Run}'s first start in a fresh JVM.
 */
@WireMockTest
class WireMockClassCases {
  @Test
  void test(WireMockRuntimeInfo wireMock) {
    if (!wireMock.getHttpBaseUrl().startsWith("http://localhost:")) {
      throw new AssertionError("WireMock is not running: " + wireMock.getHttpBaseUrl());
    }
  }
}
