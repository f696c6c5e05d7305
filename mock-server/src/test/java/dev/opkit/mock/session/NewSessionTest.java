package dev.opkit.mock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opkit.mock.profile.BehaviourProfile;
import dev.opkit.mock.sandbox.SandboxConfig;
import dev.opkit.mock.sandbox.SessionConfig;
import dev.opkit.mock.store.AutoConsent;
import dev.opkit.protocol.json.Json;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NewSessionTest {
  private static final SandboxConfig SANDBOX = SandboxConfig.defaults();

  @Test
  void readWhenNoBodyThenACopyOfTheConfiguredSandbox() {
    SessionConfig config = NewSession.read(null).toConfig(SANDBOX);

    assertThat(config.name()).isEqualTo(NewSession.UNNAMED);
    assertThat(config.profile()).isNull();
    assertThat(config.fees()).isEqualTo(SANDBOX.fees());
    assertThat(config.rates()).isEqualTo(SANDBOX.rates());
    assertThat(config.quoteLifetime()).isEqualTo(SANDBOX.quoteLifetime());
    assertThat(config.autoConsent()).isEqualTo(SANDBOX.auth().autoConsent());
    assertThat(config.ases()).isEqualTo(SessionConfig.ofSandbox(SANDBOX).ases());
    assertThat(config.profileOf(SANDBOX, SANDBOX.ases().get(0))).isEqualTo(BehaviourProfile.RAFIKI);
  }

  @Test
  void readWhenEveryFieldThenTheSessionHasThem() {
    NewSession request =
        NewSession.read(
            json(
                """
                {"name":"ci-7","profile":"strict","profileOverrides":{"continueWait":"PT0S"},
                 "autoConsent":"accept","fees":{"basisPoints":50,"fixed":25},
                 "rates":[{"from":"USD","to":"GBP","rate":0.79}],"quoteLifetime":"PT1M",
                 "processingDelay":"PT2S","webhookUrl":"http://localhost:9/hooks","adminToken":true,
                 "ases":[{"name":"ase2","wallets":[{"name":"till","assetCode":"GBP","assetScale":2,
                   "balance":500}]}]}
                """));
    SessionConfig config = request.toConfig(SANDBOX);

    assertThat(request.wantsAdminToken()).isTrue();
    assertThat(config.name()).isEqualTo("ci-7");
    assertThat(config.autoConsent()).isEqualTo(AutoConsent.ACCEPT);
    assertThat(config.fees().fixed()).isEqualTo(BigInteger.valueOf(25));
    assertThat(config.quoteLifetime()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.processingDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.webhookUrl()).isEqualTo("http://localhost:9/hooks");
    assertThat(config.walletsOf("ase1")).isEmpty();
    assertThat(config.walletsOf("ase2"))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.name()).isEqualTo("till");
              assertThat(w.balance()).isEqualTo(BigInteger.valueOf(500));
            });
    BehaviourProfile profile = config.profileOf(SANDBOX, SANDBOX.ases().get(0));
    assertThat(profile.name()).isEqualTo("strict");
    assertThat(profile.continueWait()).isZero();
  }

  @Test
  void readWhenUnknownFieldThenNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> NewSession.read(json("{\"nmae\":\"x\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown field 'nmae'")
        .hasMessageContaining("name, profile, profileOverrides")
        .hasMessageNotContaining("dev.opkit");
  }

  @Test
  void readWhenNotAnObjectThenRefused() {
    assertThatThrownBy(() -> NewSession.read(json("[1]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void toConfigWhenBadSettingsThenRefusedSayingWhich() {
    assertThatThrownBy(() -> config("{\"profile\":\"lenient\"}"))
        .hasMessageContaining("unknown behaviour profile 'lenient'");
    assertThatThrownBy(() -> config("{\"profileOverrides\":{\"nope\":1}}"))
        .hasMessageContaining("unknown profile switch 'nope'");
    assertThatThrownBy(() -> config("{\"ases\":[{\"name\":\"ase9\"}]}"))
        .hasMessageContaining("'ase9'")
        .hasMessageContaining("ase1, ase2");
    assertThatThrownBy(() -> config("{\"processingDelay\":\"P2D\"}"))
        .hasMessageContaining("processingDelay must be from PT0S to PT24H");
    assertThatThrownBy(() -> config("{\"webhookUrl\":\"ftp://x\"}"))
        .hasMessageContaining("absolute http or https URL");
    assertThatThrownBy(() -> config("{\"name\":\"\"}")).hasMessageContaining("1 to 100 characters");
    assertThatThrownBy(() -> config("{\"autoConsent\":\"maybe\"}"))
        .hasMessageContaining("auto-consent must be off, accept or reject");
    assertThatThrownBy(
            () ->
                config(
                    "{\"ases\":[{\"name\":\"ase1\",\"wallets\":[{\"name\":\"auth\","
                        + "\"assetCode\":\"USD\",\"assetScale\":2}]}]}"))
        .hasMessageContaining("auth");
  }

  private static SessionConfig config(String body) {
    return NewSession.read(json(body)).toConfig(SANDBOX);
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
