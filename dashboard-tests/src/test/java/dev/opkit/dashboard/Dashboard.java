package dev.opkit.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in the browser, used as a keyboard user uses it: Tab to a control (failing when the
 * keyboard cannot reach it or its focus is not visible), type, press Enter. Checks each page with
 * axe-core (no serious or critical violation), for script errors and refused resources in the
 * console, and for sideways scrolling at a narrow width; saves screenshots.
 */
final class Dashboard {
  static final Dimension WIDE = new Dimension(1280, 900);
  static final Dimension NARROW = new Dimension(360, 800);

  private static final int MAX_TABS = 120;
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
  // What a dashboard that works logs anyway: the 401 that makes it ask for the admin secret.
  private static final Pattern EXPECTED_CONSOLE =
      Pattern.compile(
          ".*/admin[^ ]* - Failed to load resource: the server responded with a status of 401.*",
          Pattern.DOTALL);

  private final ChromeDriver driver;
  private final Path screenshots;

  Dashboard(ChromeDriver driver) {
    this.driver = driver;
    this.screenshots = Path.of(System.getProperty("dashboard.screenshots", "target/screenshots"));
    driver.manage().window().setSize(WIDE);
    consoleErrors(); // what earlier tests left in the log is theirs
  }

  WebDriver driver() {
    return driver;
  }

  /** Loads {@code origin/#hash} afresh and waits for the view whose heading is {@code title}. */
  void open(String origin, String hash, String title) {
    // From a blank page, so that a change of the fragment alone loads the page again.
    driver.get("about:blank");
    driver.get(origin + "/" + hash);
    waitForView(title);
  }

  /** Waits until the dashboard has rendered the view whose main heading is {@code title}. */
  WebElement waitForView(String title) {
    return until(
        d -> {
          List<WebElement> headings = d.findElements(By.cssSelector("#view h1"));
          boolean busy = d.findElement(By.id("main")).getAttribute("aria-busy") != null;
          if (busy || headings.isEmpty() || !headings.get(0).getText().equals(title)) {
            return null;
          }
          return headings.get(0);
        },
        "the view \"" + title + "\"");
  }

  /** The element that has the keyboard focus. */
  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** The id of the element that has the focus ("" when it has none), read in one step. */
  String focusedId() {
    return (String) script("return document.activeElement ? document.activeElement.id : '';");
  }

  /** Presses keys at the focused element, as a person at the keyboard does. */
  void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Replaces the text of the focused field with {@code text}. */
  void typeOver(String text) {
    new Actions(driver)
        .keyDown(Keys.CONTROL)
        .sendKeys("a")
        .keyUp(Keys.CONTROL)
        .sendKeys(Keys.BACK_SPACE)
        .sendKeys(text)
        .perform();
  }

  /**
   * Presses Tab until {@code target} has the focus; fails when it takes more than {@value
   * #MAX_TABS} presses or when the focused element shows no focus outline.
   */
  WebElement tabTo(By target) {
    WebElement element = until(d -> d.findElement(target), target.toString());
    for (int presses = 0; presses <= MAX_TABS; presses++) {
      if (element.equals(focused())) {
        assertThat(
                (String)
                    script(
                        "const s = getComputedStyle(arguments[0]);"
                            + " return s.outlineStyle + ' ' + s.outlineWidth;",
                        element))
            .as("focus outline of %s", target)
            .doesNotStartWith("none")
            .doesNotEndWith(" 0px");
        return element;
      }
      press(Keys.TAB);
    }
    return fail("%s is not reachable with the Tab key", target);
  }

  /** Tabs to {@code target} and presses Enter on it. */
  void activate(By target) {
    tabTo(target);
    press(Keys.ENTER);
  }

  /** Waits for {@code condition} to give something other than null or false. */
  <T> T until(Function<WebDriver, T> condition, String what) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .withMessage("waiting for " + what)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  /** Waits until the element's text contains {@code text}, and gives the element. */
  WebElement waitForText(By target, String text) {
    return until(
        d -> {
          WebElement element = d.findElement(target);
          return element.getText().contains(text) ? element : null;
        },
        target + " to say \"" + text + "\"");
  }

  Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(code, arguments);
  }

  /**
   * The checks every page passes: axe-core finds no serious or critical violation, the console has
   * no script error, refused resource or policy violation, and at {@link #NARROW} width nothing
   * scrolls sideways but the tables' own scroll areas. Saves {@code name}.png (wide) and {@code
   * name}-narrow.png.
   */
  void checkPage(String name) {
    assertAccessible(name);
    screenshot(name);
    driver.manage().window().setSize(NARROW);
    try {
      until(
          d -> (Boolean) script("return window.innerWidth <= " + NARROW.getWidth() + ";"),
          "the narrow window");
      assertThat(widerThanWindow())
          .as("elements of %s wider than the window at 360 px", name)
          .isEmpty();
      screenshot(name + "-narrow");
    } finally {
      driver.manage().window().setSize(WIDE);
    }
    assertConsoleClean(name);
  }

  /**
   * The innermost elements that reach past the window's right edge where no scroll area of theirs
   * (a table's) clips them, e.g. {@code pre#signature-base (412 px)}; empty when nothing scrolls
   * sideways.
   */
  @SuppressWarnings("unchecked")
  List<String> widerThanWindow() {
    return (List<String>)
        script(
            "const width = document.documentElement.clientWidth;"
                + " if (document.documentElement.scrollWidth <= width) return [];"
                + " const clipped = (e) => { for (let a = e.parentElement; a && a !== document.body;"
                + "   a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible'"
                + "   && a.getBoundingClientRect().right <= width + 0.5) return true; } return false; };"
                + " const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + "   + (typeof e.className === 'string' && e.className.trim()"
                + "   ? '.' + e.className.trim().split(/ +/).join('.') : '');"
                + " const wide = [...document.body.querySelectorAll('*')].filter((e) =>"
                + "   e.getBoundingClientRect().right > width + 0.5 && !clipped(e));"
                + " const innermost = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)))"
                + "   .map((e) => name(e) + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');"
                + " const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + " const texts = []; const range = document.createRange();"
                + " for (let t = walker.nextNode(); t; t = walker.nextNode()) { range.selectNodeContents(t);"
                + "   const right = range.getBoundingClientRect().right;"
                + "   if (right > width + 0.5 && !clipped(t)) texts.push('text \"'"
                + "     + t.textContent.trim().slice(0, 40) + '\" in ' + name(t.parentElement)"
                + "     + ' (' + Math.round(right) + ' px)'); }"
                + " const found = innermost.concat(texts);"
                + " return (found.length ? found : ['html (' + document.documentElement.scrollWidth"
                + "   + ' px)']).slice(0, 8);");
  }

  /** axe-core over the whole page: no violation of serious or critical impact. */
  @SuppressWarnings("deprecation") // legacy mode: see below
  void assertAccessible(String page) {
    // The dashboard has no frames; axe's default mode would open, fill and close a blank tab per
    // page to merge frames' results, which costs a second or two on a loaded machine.
    Results results = new AxeBuilder().setLegacyMode(true).analyze(driver);
    assertThat(results.getErrorMessage()).as("axe-core ran on %s", page).isNull();
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
            .toList();
    assertThat(blocking)
        .as(
            "serious or critical accessibility violations on %s:%n%s",
            page, blocking.stream().map(Dashboard::describe).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getImpact()
        + " "
        + rule.getId()
        + ": "
        + rule.getHelp()
        + " at "
        + rule.getNodes().stream()
            .map(CheckedNode::getTarget)
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
  }

  /** No error in the browser console since the last look but the expected ones. */
  void assertConsoleClean(String page) {
    assertThat(consoleErrors()).as("console errors on %s", page).isEmpty();
  }

  /**
   * The console's errors since the last look (the browser forgets them once read) but the expected
   * ones, e.g. {@code http://localhost:41234/admin/clock - Failed to load resource: the server
   * responded with a status of 400 (Bad Request)} after a refused form.
   */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !EXPECTED_CONSOLE.matcher(message).matches())
        .toList();
  }

  /** Saves what {@code element} shows, scrolled into view, as {@code <name>.png}. */
  void screenshot(String name, By element) {
    WebElement target = driver.findElement(element);
    script("arguments[0].scrollIntoView({block: 'nearest'});", target);
    save(name, target.getScreenshotAs(OutputType.BYTES));
  }

  /** Saves what the window shows as {@code target/screenshots/<name>.png}. */
  void screenshot(String name) {
    save(name, driver.getScreenshotAs(OutputType.BYTES));
  }

  private void save(String name, byte[] png) {
    try {
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the screenshot " + name, e);
    }
  }
}
