package dev.opkit.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven by Debian's ChromeDriver: one browser for every test class of
 * the module, with a fresh profile, closed after the last test. Without the two programs (see
 * {@code tools/browser/ensure-chromium}) or with {@code OPKIT_BROWSER_TESTS=skip} the tests are
 * skipped, saying why.
 */
final class Chromium implements ExecutionCondition, BeforeAllCallback, TestWatcher {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Chromium.class);

  private Session session;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("skip".equals(System.getenv("OPKIT_BROWSER_TESTS"))) {
      return ConditionEvaluationResult.disabled("browser tests skipped: OPKIT_BROWSER_TESTS=skip");
    }
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      return ConditionEvaluationResult.disabled(
          "browser tests skipped: "
              + BROWSER
              + " or "
              + DRIVER
              + " is missing (as root: apt-get install -y chromium chromium-driver)");
    }
    return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    session =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Session.class, type -> Session.open(), Session.class);
  }

  /** Keeps what the browser showed when a test failed: a screenshot and the page's text. */
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (session == null) {
      return;
    }
    String name = "failed-" + context.getRequiredTestMethod().getName();
    try {
      Path folder = Path.of(System.getProperty("dashboard.screenshots", "target/screenshots"));
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), session.driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          folder.resolve(name + ".txt"),
          session.driver.getCurrentUrl()
              + "\n\n"
              + session.driver.findElement(By.tagName("body")).getText());
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** The browser, on a blank page of its last test's origin. */
  ChromeDriver driver() {
    return session.driver;
  }

  /** One browser process with its profile directory; closed by JUnit after all tests. */
  static final class Session implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path profile;

    private Session(ChromeDriver driver, Path profile) {
      this.driver = driver;
      this.profile = profile;
    }

    static Session open() {
      // Selenium's own INFO lines (CDP version guesses) say nothing about the dashboard.
      Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
      Path profile;
      try {
        profile = Files.createTempDirectory("opkit-chromium-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create Chromium's profile directory", e);
      }
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--user-data-dir=" + profile,
          "--window-size=1280,900");
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(DRIVER.toString()))
              .usingAnyFreePort()
              .withTimeout(Duration.ofSeconds(30))
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Session(driver, profile);
    }

    @Override
    public void close() throws IOException {
      try {
        driver.quit();
      } finally {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }
}
