package dev.appoptics.emulator.console;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests: headless Chromium driven through the system's chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}), with a fresh profile. Both programs are found on the {@code PATH}
 * and handed to Selenium, so Selenium Manager never runs (it cannot download drivers here anyway). A missing
 * program fails the test with the package to install; nothing is skipped. Keeps the browser's console messages so
 * a test can check that no page logged a JavaScript error.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final Path profile;
  private final List<String> errors = new ArrayList<>();

  private HeadlessChromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser; fails naming the Debian package when chromium or chromedriver is missing. */
  public static HeadlessChromium start() {
    Path browser = onPath("chromium", "chromium-browser")
        .orElseThrow(() -> missing("chromium", "the browser 'chromium'"));
    Path chromedriver = onPath("chromedriver").orElseThrow(() -> missing("chromium-driver", "'chromedriver'"));
    System.setProperty("webdriver.chrome.driver", chromedriver.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("console-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  private static AssertionError missing(String debianPackage, String what) {
    return new AssertionError("The console's browser tests need " + what + " on the PATH: install the Debian package '"
        + debianPackage + "' (apt-get install -y chromium chromium-driver; bin/test does this)");
  }

  private static Optional<Path> onPath(String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens an address and waits until the page has finished loading what it shows ({@code main[data-state]}). */
  public void open(URI address) {
    driver.get(address.toString());
    awaitPage();
  }

  /** Waits until the console's page is no longer loading. */
  public void awaitPage() {
    await(d -> {
      String state = d.findElement(By.id("main")).getAttribute("data-state");
      return state != null && !state.equals("loading");
    });
  }

  /** Waits until {@code condition} answers something other than null or false. */
  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition::apply);
  }

  public WebElement find(String css) {
    return await(d -> d.findElement(By.cssSelector(css)));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Runs JavaScript in the page; {@code return …} gives its value. */
  public Object script(String javaScript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
  }

  public byte[] screenshot() {
    return ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
  }

  /**
   * Every JavaScript error the pages logged so far: uncaught exceptions, rejected promises nobody handled,
   * {@code console.error}. A request answered with an error status is not one: the browser logs it as a failed
   * resource, and the console shows it to the user on purpose.
   */
  public List<String> javaScriptErrors() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && !entry.getMessage().contains("Failed to load resource")) {
        errors.add(entry.getMessage());
      }
    }
    return List.copyOf(errors);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
