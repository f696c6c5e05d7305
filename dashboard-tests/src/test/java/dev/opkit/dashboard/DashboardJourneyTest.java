package dev.opkit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opkit.client.OpenPaymentsClient;
import dev.opkit.client.error.ApiErrorException;
import dev.opkit.client.interaction.HeadlessInteraction;
import dev.opkit.client.recurring.AmountSide;
import dev.opkit.client.recurring.InMemoryScheduleStore;
import dev.opkit.client.recurring.RecurringPayments;
import dev.opkit.client.recurring.RetryPolicy;
import dev.opkit.client.recurring.SchedulePlan;
import dev.opkit.client.recurring.ScheduleState;
import dev.opkit.protocol.gnap.AccessAction;
import dev.opkit.protocol.gnap.AccessType;
import dev.opkit.protocol.keys.Ed25519KeyPair;
import dev.opkit.protocol.model.AccessItem;
import dev.opkit.protocol.model.AccessTokenRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The issue's journey in a real browser, by keyboard only: the landing page, a wallet opened and
 * listed, a recurring payment's window bar that fills and empties in the next window, and a refused
 * request explained by the journal.
 */
class DashboardJourneyTest {
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
  void landingWhenOpenedThenWhatRunsWhereAndTheSkipLinkLeadsThere() {
    dashboard.open(SANDBOX.base("ase1"), "", "Sandbox overview");

    dashboard.press(Keys.TAB);
    assertThat(dashboard.focused().getText()).isEqualTo("Skip to content");
    dashboard.press(Keys.ENTER);
    assertThat(dashboard.focusedId()).isEqualTo("main");
    String page = dashboard.driver().findElement(By.id("view")).getText();
    assertThat(page)
        .contains(
            SANDBOX.base("ase1") + "/auth",
            SANDBOX.base("ase1") + "/admin",
            SANDBOX.wallet("ase1", "alice"),
            SANDBOX.wallet("ase1", "bob"),
            SANDBOX.base("ase2") + "/auth",
            SANDBOX.wallet("ase2", "carol"),
            "rafiki",
            SANDBOX.sandbox().clock().instant().toString().substring(0, 10),
            "wait for a person");
    dashboard.checkPage("overview");

    dashboard.activate(By.cssSelector("a[href='" + SANDBOX.base("ase2") + "/']"));
    dashboard.waitForView("Sandbox overview");
    dashboard.waitForText(By.id("provider-name"), "provider ase2");
  }

  @Test
  void walletWhenOpenedByKeyboardThenListedWithItsBalance() {
    dashboard.open(SANDBOX.base("ase1"), "", "Sandbox overview");

    dashboard.activate(By.cssSelector("nav a[href='#/wallets']"));
    WebElement heading = dashboard.waitForView("Wallet addresses");
    assertThat(dashboard.focused()).isEqualTo(heading);
    dashboard.tabTo(By.name("name"));
    dashboard.press("shop");
    dashboard.tabTo(By.name("publicName"));
    dashboard.press("Corner shop");
    dashboard.tabTo(By.name("assetCode"));
    dashboard.typeOver("EUR");
    dashboard.tabTo(By.name("balance"));
    dashboard.typeOver("250.50");
    dashboard.press(Keys.ENTER);

    dashboard.waitForText(
        By.cssSelector("form .message"), "Opened " + SANDBOX.wallet("ase1", "shop"));
    WebElement row = dashboard.waitForText(By.xpath("//tr[td/a[text()='shop']]"), "250.50 EUR");
    assertThat(row.getText()).contains("Corner shop", SANDBOX.wallet("ase1", "shop"));
    JsonNode wallet = SANDBOX.admin("ase1", "GET", "/wallet-addresses/shop", null);
    assertThat(wallet.at("/balance/value").asText()).isEqualTo("25050");
    assertThat(wallet.at("/assetCode").asText()).isEqualTo("EUR");
    dashboard.checkPage("wallets");
  }

  @Test
  void grantWhenRecurringPaymentPaidThenItsWindowBarFillsAndTheNextWindowStartsEmpty() {
    RecurringPayments engine = engine(SANDBOX.registerClient(Ed25519KeyPair.generate()));
    String start = SANDBOX.sandbox().clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    ScheduleState started =
        engine.start(
            SchedulePlan.recurring(
                SANDBOX.wallet("ase1", "alice"),
                SANDBOX.wallet("ase2", "carol"),
                "5.00",
                AmountSide.DEBIT,
                "R3/" + start + "/P1M"),
            consent(),
            Map.of());
    assertThat(started.paidCount()).isEqualTo(1);
    String grant = outgoingGrant();
    JsonNode windows = SANDBOX.admin("ase1", "GET", "/grants/" + grant, null).get("windows");

    dashboard.open(SANDBOX.base("ase1"), "", "Sandbox overview");
    dashboard.activate(By.cssSelector("nav a[href='#/grants']"));
    dashboard.waitForView("Grants");
    dashboard.checkPage("grants");
    dashboard.activate(By.cssSelector("a[href='#/grants/" + grant + "']"));
    dashboard.waitForView("Grant " + grant.substring(0, 8));

    WebElement current = currentWindow();
    assertThat(current.getAttribute("data-window")).isEqualTo("0");
    assertThat(meter(current)).isEqualTo("500 of 500");
    assertThat(current.getText()).contains("Spent 5.00 USD of 5.00 USD", "remaining 0.00 USD");
    assertThat(dashboard.driver().findElement(By.id("next-window")).getText())
        .contains(windows.get(1).get("start").asText().substring(0, 10));
    dashboard.checkPage("grant");

    dashboard.activate(By.id("jump-next-window"));
    dashboard.until(
        d -> "1".equals(currentWindow().getAttribute("data-window")), "the second window");

    assertThat(meter(currentWindow())).isEqualTo("0 of 500");
    WebElement first = window(0);
    assertThat(first.getAttribute("class")).contains("past");
    assertThat(meter(first)).isEqualTo("500 of 500");
    assertThat(dashboard.focusedId()).isEqualTo("jump-next-window");
    dashboard.screenshot("grant-windows", By.id("spending-windows"));
    Instant secondStart = Instant.parse(windows.get(1).get("start").asText());
    assertThat(SANDBOX.sandbox().clock().instant())
        .as("the sandbox clock, moved to the second window's start and running since")
        .isBetween(secondStart, secondStart.plusSeconds(60));

    ScheduleState second = engine.run(consent());
    assertThat(second.paidCount()).isEqualTo(2);
    dashboard.open(SANDBOX.base("ase1"), "#/grants/" + grant, "Grant " + grant.substring(0, 8));
    assertThat(meter(currentWindow())).isEqualTo("500 of 500");

    dashboard.open(SANDBOX.base("ase1"), "#/wallets/alice", "Wallet address alice");
    WebElement payments = dashboard.driver().findElement(By.id("outgoing-payments"));
    assertThat(payments.findElements(By.cssSelector("a[href='#/grants/" + grant + "']")))
        .hasSize(2);
    assertThat(payments.getText()).contains("completed", "5.00 USD");
    dashboard.checkPage("wallet");
  }

  @Test
  void reportCardWhenAClientUsedTheSessionThenEachRuleIsListedWithItsVerdictAndEvidence() {
    OpenPaymentsClient client = SANDBOX.registerClient(Ed25519KeyPair.generate());
    client
        .grant()
        .request(
            SANDBOX.sandbox().ase("ase1").authServerUrl(),
            AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE)));

    dashboard.open(SANDBOX.base("ase1"), "", "Sandbox overview");
    dashboard.activate(By.cssSelector("nav a[href='#/report']"));
    dashboard.waitForView("Report card of the client under test");
    WebElement rule =
        dashboard.driver().findElement(By.xpath("//tr[.//code[text()='fresh-signatures']]"));
    assertThat(rule.getText()).contains("SHOULD", "passed", "RFC 9421");
    assertThat(
            dashboard
                .driver()
                .findElement(By.xpath("//tr[.//code[text()='honoured-wait']]"))
                .getText())
        .contains("not exercised");
    assertThat(
            dashboard
                .driver()
                .findElement(By.cssSelector("a[href='/admin/report?format=html']"))
                .getText())
        .contains("HTML");
    dashboard.checkPage("report");
  }

  @Test
  void journalWhenRequestRefusedThenItsReasonBesideWhatTheServerRebuilt() {
    OpenPaymentsClient client = SANDBOX.registerClient(Ed25519KeyPair.generate());
    OpenPaymentsClient wrongKey = SANDBOX.client(Ed25519KeyPair.generate());
    AccessTokenRequest quote =
        AccessTokenRequest.of(AccessItem.of(AccessType.QUOTE, null, AccessAction.CREATE));
    String authServer = SANDBOX.sandbox().ase("ase1").authServerUrl();
    client.grant().request(authServer, quote);
    assertThatThrownBy(() -> wrongKey.grant().request(authServer, quote))
        .isInstanceOf(ApiErrorException.class);
    long refused =
        SANDBOX
            .admin("ase1", "GET", "/requests?refused=true", null)
            .at("/result/0/sequence")
            .asLong();

    dashboard.open(SANDBOX.base("ase1"), "", "Sandbox overview");
    dashboard.activate(By.cssSelector("nav a[href='#/requests']"));
    dashboard.waitForView("Request journal");
    WebElement row = dashboard.driver().findElement(By.cssSelector("tr.refused"));
    assertThat(row.getText()).contains("BAD_SIGNATURE", "401");
    assertThat(dashboard.driver().findElements(By.cssSelector("tbody tr"))).hasSize(2);
    dashboard.checkPage("requests");
    dashboard.activate(By.cssSelector("a[href='#/requests/" + refused + "']"));
    dashboard.waitForView("Request #" + refused + ": grant request");

    assertThat(dashboard.driver().findElement(By.id("refusal-reason")).getText())
        .isEqualTo("BAD_SIGNATURE");
    assertThat(dashboard.driver().findElement(By.id("refusal-description")).getText())
        .contains("does not verify", DashboardSandbox.KEY_ID);
    assertThat(dashboard.driver().findElement(By.id("signature-base")).getText())
        .contains("\"@method\": POST", "\"@target-uri\": " + authServer);
    assertThat(dashboard.driver().findElement(By.id("key-lookup")).getText())
        .contains(SANDBOX.wallet("ase1", DashboardSandbox.CLIENT), DashboardSandbox.KEY_ID);
    assertThat(dashboard.driver().findElement(By.id("digest-comparison")).getText())
        .contains("digests match");
    WebElement rebuilt = dashboard.driver().findElement(By.id("rebuilt"));
    WebElement received = dashboard.driver().findElement(By.id("received"));
    assertThat(rebuilt.getLocation().getY())
        .as("side by side")
        .isEqualTo(received.getLocation().getY());
    assertThat(rebuilt.getLocation().getX()).isLessThan(received.getLocation().getX());
    dashboard.checkPage("request");
  }

  private static RecurringPayments engine(OpenPaymentsClient client) {
    return new RecurringPayments(
        client,
        new InMemoryScheduleStore(),
        SANDBOX.sandbox().clock(),
        (step, detail) -> {},
        SANDBOX.clockPause(),
        new RetryPolicy(1, Duration.ofMillis(10)));
  }

  private static HeadlessInteraction consent() {
    return new HeadlessInteraction(
        "http://localhost:3344", HeadlessInteraction.Decision.ACCEPT, Duration.ofSeconds(10));
  }

  private static String outgoingGrant() {
    for (JsonNode grant : SANDBOX.admin("ase1", "GET", "/grants", null).get("result")) {
      if (grant.at("/access/0/type").asText().equals("outgoing-payment")) {
        return grant.get("id").asText();
      }
    }
    throw new AssertionError("no outgoing-payment grant at ase1");
  }

  private WebElement currentWindow() {
    return dashboard.driver().findElement(By.cssSelector("ol.windows li[aria-current='true']"));
  }

  private WebElement window(int index) {
    return dashboard
        .driver()
        .findElement(By.cssSelector("ol.windows li[data-window='" + index + "']"));
  }

  private static String meter(WebElement window) {
    WebElement meter = window.findElement(By.tagName("meter"));
    return meter.getAttribute("value") + " of " + meter.getAttribute("max");
  }
}
