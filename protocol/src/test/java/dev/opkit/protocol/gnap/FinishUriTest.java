package dev.opkit.protocol.gnap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FinishUriTest {
  @Test
  void problemWhenHttpsOrLoopbackHttpThenNone() {
    for (String uri :
        new String[] {
          "https://client.example/finish?session=s1",
          "HTTPS://Client.Example:8443/cb",
          "http://localhost:3344",
          "http://localhost:3344/",
          "http://127.0.0.1:3344/cb?x=1",
          "http://127.10.0.1/cb",
          "http://[::1]:3344/cb"
        }) {
      assertThat(FinishUri.problem(uri)).as(uri).isEmpty();
    }
  }

  @Test
  void checkWhenScriptDataFileOrOtherSchemeThenRefusedNamingTheScheme() {
    for (String uri :
        new String[] {
          "javascript:alert(document.domain)",
          "JavaScript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "file:///etc/passwd",
          "ftp://client.example/finish",
          "com.example.app:/callback"
        }) {
      assertThatThrownBy(() -> FinishUri.check(uri))
          .as(uri)
          .isInstanceOf(InvalidFinishUriException.class)
          .hasMessageContaining(FinishUri.RULE)
          .hasMessageContaining("scheme");
    }
  }

  @Test
  void checkWhenFragmentThenRefused() {
    assertThatThrownBy(() -> FinishUri.check("https://client.example/finish#done"))
        .hasMessageContaining("fragment (#done)");
    assertThatThrownBy(() -> FinishUri.check("http://localhost:3344/#"))
        .hasMessageContaining("fragment");
  }

  @Test
  void checkWhenPlainHttpOffLoopbackThenRefused() {
    assertThatThrownBy(() -> FinishUri.check("http://client.example/finish"))
        .hasMessageContaining("only on a loopback host, not on client.example");
    assertThatThrownBy(() -> FinishUri.check("http://192.168.1.5:3344/"))
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> FinishUri.check("http://localhost.attacker.example/"))
        .hasMessageContaining("loopback");
  }

  @Test
  void checkWhenRelativeEmptyOrNoHostThenRefused() {
    assertThatThrownBy(() -> FinishUri.check("/finish")).hasMessageContaining("relative");
    assertThatThrownBy(() -> FinishUri.check("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> FinishUri.check("https:///finish")).hasMessageContaining("host");
    assertThatThrownBy(() -> FinishUri.check("https://exa mple.com/"))
        .hasMessageContaining("not a URI");
  }
}
