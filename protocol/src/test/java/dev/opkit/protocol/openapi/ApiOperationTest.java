package dev.opkit.protocol.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiOperationTest {

  @Test
  void responseKeyWhenNoExactCodeThenRangeThenDefault() {
    ApiOperation operation =
        new ApiOperation(
            Spec.RESOURCE_SERVER,
            "get-thing",
            "GET",
            "/things/{id}",
            Optional.empty(),
            false,
            Map.of("200", Optional.of("/a"), "4XX", Optional.of("/b"), "default", Optional.empty()),
            List.of());

    assertThat(operation.responseKey(200)).contains("200");
    assertThat(operation.responseKey(404)).contains("4XX");
    assertThat(operation.responseKey(503)).contains("default");
  }

  @Test
  void responseKeyWhenNothingCoversTheStatusThenEmpty() {
    ApiOperation operation =
        new ApiOperation(
            Spec.AUTH_SERVER,
            "delete-token",
            "DELETE",
            "/token/{id}",
            Optional.empty(),
            false,
            Map.of("204", Optional.empty()),
            List.of());

    assertThat(operation.responseKey(200)).isEmpty();
  }
}
