package dev.opkit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.json.Json;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The dashboard's other powers, by keyboard: a wallet's balance, keys and forced failures; the
 * clock and auto-consent; revoking a grant; events arriving live and filtered.
 */
class DashboardControlsTest {
  @RegisterExtension
  @Order(1)
  static final Chromium CHROMIUM = new Chromium();

  @RegisterExtension
  @Order(2)
  static final DashboardSandbox SANDBOX = new DashboardSandbox();

  private Dashboard dashboard;

  @BeforeEach
  void dashboard() {
    dashboard = new Dashboard(CHROMIUM.driver());
  }

  @Test
  void walletWhenBalanceKeyAndFailuresSetByKeyboardThenTheSandboxHasThem() {
    String jwk = Json.write(Ed25519KeyPair.generate().toJwk("pasted-key"));
    dashboard.open(SANDBOX.base("ase1"), "#/wallets/alice", "Wallet address alice");

    dashboard.tabTo(By.name("value"));
    dashboard.typeOver("42.5");
    dashboard.press(Keys.ENTER);
    dashboard.waitForText(By.id("balance-message"), "The balance is now 42.50 USD.");
    dashboard.tabTo(By.name("count"));
    dashboard.typeOver("2");
    dashboard.press(Keys.ENTER);
    dashboard.waitForText(By.id("failures-message"), "The next 2 outgoing payments will fail.");
    dashboard.tabTo(By.name("jwk"));
    dashboard.press(jwk);
    dashboard.activate(By.id("register-key"));
    dashboard.waitForText(By.id("key-message"), "Registered key pasted-key.");

    assertThat(dashboard.driver().findElement(By.id("wallet-summary")).getText())
        .contains("42.50 USD");
    dashboard.waitForText(By.id("keys"), "pasted-key");
    JsonNode alice = SANDBOX.admin("ase1", "GET", "/wallet-addresses/alice", null);
    assertThat(alice.at("/balance/value").asText()).isEqualTo("4250");
    assertThat(alice.at("/pendingFailures").asInt()).isEqualTo(2);
    assertThat(alice.at("/keys/0/kid").asText()).isEqualTo("pasted-key");

    dashboard.tabTo(By.name("jwk"));
    dashboard.press(
        "{\"kid\":\"k\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\",\"d\":\"AA\"}");
    dashboard.activate(By.id("register-key"));
    dashboard.waitForText(By.id("key-message"), "holds a private key");
    assertThat(SANDBOX.admin("ase1", "GET", "/wallet-addresses/alice", null).at("/keys").size())
        .isEqualTo(1);
  }

  @Test
  void clockWhenAdvancedAndConsentSwitchedByKeyboardThenTheSandboxFollows() {
    Instant before = SANDBOX.sandbox().clock().instant();
    dashboard.open(SANDBOX.base("ase1"), "#/clock", "Clock and consent");

    dashboard.tabTo(By.id("advance-by"));
    dashboard.typeOver("P2D");
    dashboard.press(Keys.ENTER);
    dashboard.waitForText(By.id("advance-message"), "The sandbox clock is now");
    dashboard.tabTo(By.id("consent-off"));
    dashboard.press(Keys.ARROW_DOWN);
    dashboard.activate(By.id("consent-save"));
    dashboard.waitForText(By.id("consent-message"), "Auto-consent is now accept.");

    Instant after = SANDBOX.sandbox().clock().instant();
    assertThat(Duration.between(before, after))
        .isBetween(Duration.ofDays(2), Duration.ofDays(2).plusMinutes(1));
    assertThat(dashboard.driver().findElement(By.id("clock-now")).getText())
        .contains(after.toString().substring(0, 10));
    assertThat(SANDBOX.admin("ase1", "GET", "/auto-consent", null).at("/autoConsent").asText())
        .isEqualTo("accept");
    dashboard.checkPage("clock");

    dashboard.tabTo(By.id("advance-by"));
    dashboard.typeOver("next month");
    dashboard.press(Keys.ENTER);
    dashboard.waitForText(By.id("advance-message"), "ISO 8601");
    assertThat(SANDBOX.sandbox().clock().instant()).isBetween(after, after.plusSeconds(60));
    assertThat(dashboard.consoleErrors())
        .as("the admin API refused the duration, nothing else failed")
        .singleElement()
        .asString()
        .contains("/admin/clock", "status of 400");
  }

  @Test
  void grantWhenRevokedByKeyboardThenRevokedWithItsTokens() {
    OpenPaymentsClient client = SANDBOX.registerClient(Ed25519KeyPair.generate());
    client
        .grant()
        .request(
            SANDBOX.sandbox().ase("ase1").authServerUrl(),
            AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE)));
    String grant = SANDBOX.admin("ase1", "GET", "/grants", null).at("/result/0/id").asText();
    dashboard.open(SANDBOX.base("ase1"), "#/grants/" + grant, "Grant " + grant.substring(0, 8));

    dashboard.activate(By.id("revoke-grant"));

    dashboard.waitForText(By.id("grant-facts"), "revoked");
    assertThat(dashboard.driver().findElements(By.id("revoke-grant"))).isEmpty();
    assertThat(dashboard.focused().getTagName()).isEqualTo("h1");
    JsonNode revoked = SANDBOX.admin("ase1", "GET", "/grants/" + grant, null);
    assertThat(revoked.at("/state").asText()).isEqualTo("revoked");
    assertThat(revoked.at("/tokens/0/state").asText()).isEqualTo("revoked");
  }

  @Test
  void eventsWhenSomethingHappensThenShownLiveNewestFirstAndFiltered() {
    OpenPaymentsClient client = SANDBOX.registerClient(Ed25519KeyPair.generate());
    dashboard.open(SANDBOX.base("ase1"), "#/events", "Events");
    assertThat(dashboard.driver().findElement(By.id("events-count")).getText())
        .isEqualTo("No events match.");

    client
        .grant()
        .request(
            SANDBOX.sandbox().ase("ase1").authServerUrl(),
            AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE)));

    dashboard.waitForText(By.id("events-count"), "2 events shown");
    assertThat(dashboard.driver().findElements(By.cssSelector("#events-list > li .badge")))
        .extracting(e -> e.getText())
        .containsExactly("grant.approved", "grant.requested");
    dashboard.tabTo(By.id("type-grant-approved"));
    dashboard.press(Keys.SPACE);
    dashboard.waitForText(By.id("events-count"), "1 event shown");
    assertThat(dashboard.driver().findElement(By.id("events-list")).getText())
        .contains("grant.requested")
        .doesNotContain("grant.approved");
    dashboard.checkPage("events");
  }
}
