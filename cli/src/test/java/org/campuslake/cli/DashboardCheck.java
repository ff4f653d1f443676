package org.campuslake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.campuslake.dashboard.DashboardServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard over a summary the chain published, in headless Chromium (Debian's chromium and chromium-driver):
 * every panel renders with no console error, its numbers are the SQL's, filters change them, a new snapshot
 * appears on an open page, and bad parameters are refused.
 */
final class DashboardCheck implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String[] PANELS = {"headline", "scorecard", "performance", "top", "dropouts",
        "apprenticeships", "recruiters", "events", "forecast"};

    private final DashboardServer server;
    private final String url;
    private final ChromeDriver browser;

    /**
     * Whether the browser is here. Without it the checks are left out with a message, unless
     * {@code LAKE_BROWSER_TESTS=required} (.ci/run sets it, and installs the browser): then its absence fails.
     */
    static boolean available() {
        boolean here = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!here) {
            assertThat(System.getenv("LAKE_BROWSER_TESTS")).as("the dashboard's browser tests need Debian's chromium"
                    + " and chromium-driver (apt-get install chromium chromium-driver)").isNotEqualTo("required");
            System.err.println("NOTE: the dashboard's browser checks are left out: no " + CHROMIUM + " or " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        return here;
    }

    /** Serves the dashboard over {@code db} (polled every second) and opens it, following the latest snapshot. */
    DashboardCheck(DashboardServer.Database db) {
        server = new DashboardServer(db, 1);
        url = "http://127.0.0.1:" + server.start("127.0.0.1", 0) + "/";
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1440,2400",
                "--hide-scrollbars", "--disable-dev-shm-usage");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
    }

    /** Opens {@code query} (e.g. "?campus=3") and waits until the panels are drawn; returns the snapshot shown. */
    String open(String query) {
        browser.get(url + query);
        return rendered();
    }

    /** Opens {@code query} without waiting for panels (a page that shows an error draws none). */
    void go(String query) {
        browser.get(url + query);
    }

    private String rendered() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            String r = d.findElement(By.tagName("body")).getDomAttribute("data-rendered");
            return r != null && !r.isEmpty();
        });
        return browser.findElement(By.cssSelector("[data-testid=snapshot-label]")).getDomAttribute("data-snapshot");
    }

    /** Every panel holds a drawn chart or a filled table, and the browser logged no error. */
    void everyPanelRenders() {
        for (String p : PANELS) {
            WebElement panel = browser.findElement(By.cssSelector("[data-testid=panel-" + p + "]"));
            int drawn = panel.findElements(By.cssSelector("canvas")).size()
                    + panel.findElements(By.cssSelector("tbody tr")).size() + panel.findElements(By.cssSelector(".figure")).size();
            assertThat(drawn).as("panel %s draws something", p).isPositive();
        }
        assertThat(browser.findElements(By.cssSelector(".figure"))).hasSize(6);
        assertThat(browser.findElement(By.cssSelector("[data-testid=error]")).isDisplayed()).isFalse();
        assertThat(consoleErrors()).as("console errors").isEmpty();
    }

    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** A headline figure's value as the page holds it. */
    double figure(String id) {
        return Double.parseDouble(browser.findElement(By.cssSelector("[data-testid=figure-" + id + "]"))
                .getDomAttribute("data-value"));
    }

    /** The rows of the table {@code testid}, as cell texts. */
    List<List<String>> table(String testid) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector("[data-testid=" + testid + "] tbody tr"))) {
            List<String> cells = new ArrayList<>();
            for (WebElement td : tr.findElements(By.tagName("td"))) {
                cells.add(td.getText());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Chooses {@code value} in the filter {@code name} as a user would, and waits for the panels to follow. */
    void choose(String name, String value) {
        String before = browser.findElement(By.tagName("body")).getDomAttribute("data-rendered");
        new Select(browser.findElement(By.cssSelector("[data-testid=filter-" + name + "]"))).selectByValue(value);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                !before.equals(d.findElement(By.tagName("body")).getDomAttribute("data-rendered")));
    }

    /** The values a filter offers, in the page's order ("" is "all"). */
    List<String> options(String name) {
        List<String> out = new ArrayList<>();
        for (WebElement o : new Select(browser.findElement(By.cssSelector("[data-testid=filter-" + name + "]"))).getOptions()) {
            out.add(o.getDomAttribute("value"));
        }
        return out;
    }

    String currentUrl() {
        return browser.getCurrentUrl();
    }

    /** Waits until the open page shows snapshot {@code d} by itself (it polls every second). */
    void waitForSnapshot(String d) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> d.equals(
                b.findElement(By.cssSelector("[data-testid=snapshot-label]")).getDomAttribute("data-snapshot")));
    }

    String errorText() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                b.findElement(By.cssSelector("[data-testid=error]")).isDisplayed());
        return browser.findElement(By.cssSelector("[data-testid=error]")).getText();
    }

    /** Status and body of a GET on the server. */
    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path.replaceFirst("^/", "")))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    static double scalar(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            server.close();
        }
    }
}
