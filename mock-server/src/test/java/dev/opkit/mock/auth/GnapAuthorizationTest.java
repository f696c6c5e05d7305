package dev.opkit.mock.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GnapAuthorizationTest {
  @Test
  void tokenWhenTheHeaderIsGnapAndOneValueThenItIsTheValue() {
    assertThat(GnapAuthorization.token("GNAP abc-123")).contains("abc-123");
  }

  @Test
  void tokenWhenTheHeaderIsNotExactlyTwoPartsThenEmpty() {
    for (String header :
        new String[] {
          "GNAP",
          "GNAP ",
          "GNAP  abc",
          "GNAP a b",
          "GNAP a ",
          " GNAP a",
          "gnap a",
          "Bearer a",
          "GNAPabc",
          ""
        }) {
      assertThat(GnapAuthorization.token(header)).as(header).isEqualTo(Optional.empty());
    }
    assertThat(GnapAuthorization.token(null)).isEmpty();
  }
}
