package dev.opkit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opkit.mock.sandbox.AdminConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;

/**
 * A sandbox with an admin secret: the dashboard asks for it once, keeps it in the tab's session
 * storage only and sends it as a bearer token, never in a URL or a cookie.
 */
class DashboardAdminSecretTest {
  private static final String SECRET = "correct horse battery staple";

  @RegisterExtension
  @Order(1)
  static final Chromium CHROMIUM = new Chromium();

  @RegisterExtension
  @Order(2)
  static final DashboardSandbox SANDBOX =
      new DashboardSandbox(c -> c.withAdmin(new AdminConfig(true, SECRET)), SECRET);

  private Dashboard dashboard;

  @BeforeEach
  void dashboard() {
    dashboard = new Dashboard(CHROMIUM.driver());
  }

  @Test
  void pageWhenAdminApiNeedsASecretThenAsksOnceKeepsItInTheTabAndNeverInTheUrl() {
    dashboard.driver().get("about:blank");
    dashboard.driver().get(SANDBOX.base("ase1") + "/");

    dashboard.until(d -> "secret-input".equals(dashboard.focusedId()), "the secret dialog");
    dashboard.checkPage("admin-secret");
    dashboard.press("not the secret", Keys.ENTER);
    dashboard.waitForText(By.id("secret-message"), "refused that secret");
    assertThat(dashboard.focusedId()).isEqualTo("secret-input");
    dashboard.press(SECRET, Keys.ENTER);
    dashboard.waitForView("Sandbox overview");

    assertThat(dashboard.script("return sessionStorage.getItem('opkit.adminSecret');"))
        .isEqualTo(SECRET);
    assertThat(dashboard.driver().getCurrentUrl()).doesNotContain("correct");
    assertThat(dashboard.driver().manage().getCookies())
        .extracting(Cookie::getValue)
        .doesNotContain(SECRET);
    assertThat(dashboard.driver().findElement(By.id("view")).getText())
        .contains(SANDBOX.wallet("ase1", "alice"));

    dashboard.driver().navigate().refresh();
    dashboard.waitForView("Sandbox overview");
    assertThat(dashboard.driver().findElement(By.id("secret-dialog")).getAttribute("open"))
        .isNull();
    dashboard.assertConsoleClean("the overview with the secret");
  }
}
