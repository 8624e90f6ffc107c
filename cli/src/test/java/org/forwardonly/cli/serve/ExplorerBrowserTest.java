package org.forwardonly.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The explorer in a real browser (Debian's chromium driven by chromedriver through Selenium):
 * the page loads and plots, a moved control redraws a different series that equals
 * {@code pepita ode} for the new parameters, a bad value shows the CLI's message on the page,
 * the download buttons give pepita ode's CSV, the config and a notebook,
 * the URL restores the view, and the comparison, AFA-preview and simulation overlays draw, and a long exact run
 * stops when its parameters change and when the tab goes. Saves a
 * screenshot to {@code cli/target/serve.png} (and to {@code -Dserve.screenshot=PATH}; the
 * README's is made so). Without chromium it skips on a developer's machine and fails in CI
 * ({@code CI=true}), where .ci/run installs it.
 */
class ExplorerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Headless Chromium with its profile in {@code tmp}, downloading into {@code downloads} without asking.
     *
     * @param windowSize "WIDTH,HEIGHT" in pixels
     */
    static ChromeOptions headlessChromium(Path tmp, Path downloads, String windowSize) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + windowSize, "--user-data-dir=" + tmp.resolve("profile"));
        // automatic_downloads = 1: Chrome otherwise may hold back the third download from one page as
        // "multiple downloads" (seen once in CI runs: the notebook never arrived)
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "profile.default_content_setting_values.automatic_downloads", 1));
        return options;
    }

    @TempDir
    Path tmp;

    @Test
    void movingAControlRedrawsWhatPepitaOdeComputes() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        StringWriter log = new StringWriter();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        ChromeOptions options = headlessChromium(tmp, downloads, "1420,1120");
        try (ExplorerServer server = new ExplorerServer("127.0.0.1", 0, 1, new PrintWriter(log, true))) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                String base = "http://127.0.0.1:" + server.port() + "/";
                driver.get(base);
                // the page redraws its SVG as events arrive, so an element found a moment ago can be gone: waits
                // ignore stale elements, and every read of a plotted series is one atomic script (attribute(...))
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
                wait.ignoring(StaleElementReferenceException.class);
                waitDone(wait, driver, "progress-A");
                String before = attribute(driver, "A", "eps_g", "points");
                assertTrue(before.split(" ").length > 50, "eps_g(t) is plotted");

                // move a control: η from 1 to 0.4
                WebElement eta = driver.findElement(By.id("A-eta"));
                eta.clear();
                eta.sendKeys("0.4");
                wait.until(d -> !before.equals(attribute(d, "A", "eps_g", "points"))
                        && "done".equals(d.findElement(By.id("progress-A")).getAttribute("data-state")));
                String config = (String) ((JavascriptExecutor) driver)
                        .executeScript("return JSON.stringify(window.pepitaExplorer.curves.A.config)");
                assertTrue(config.contains("\"eta\":0.4"), config);
                // every plotted series of A equals pepita ode's metrics.csv for the new parameters (t > 0: log axis)
                ServeTesting.Ode cli = ServeTesting.pepitaOde(tmp, config);
                assertEquals(0, cli.exit(), cli.err());
                Path metrics = tmp.resolve("metrics.csv");
                Files.write(metrics, cli.metrics());
                Trajectory expected = TrajectoryCsv.read(metrics);
                @SuppressWarnings("unchecked")
                List<List<String>> plotted = (List<List<String>>) ((JavascriptExecutor) driver).executeScript(
                        "return Array.from(document.querySelectorAll(\"polyline[data-curve='A']\"))"
                        + ".map(e => [e.getAttribute('data-column'), e.getAttribute('data-t'), e.getAttribute('data-y')])");
                assertTrue(plotted.size() >= 1 + 3 + 4 + 2, "eps_g and the panels Q, R, v are drawn");
                for (List<String> line : plotted) {
                    String column = line.get(0);
                    String[] t = line.get(1).split(" ");
                    String[] y = line.get(2).split(" ");
                    double[] want = expected.column(column);
                    assertEquals(expected.size() - 1, t.length, column + ": every sample after t = 0");
                    for (int i = 0; i < t.length; i++) {
                        assertEquals(expected.times()[i + 1], Double.parseDouble(t[i]), 0.0, column);
                        assertEquals(want[i + 1], Double.parseDouble(y[i]), 0.0, column + " at t = " + t[i]);
                    }
                }
                assertTrue(driver.getCurrentUrl().contains("eta=0.4"), "the URL holds the state: " + driver.getCurrentUrl());

                // the download buttons: the CSV is pepita ode's file, the config runs the same, the notebook parses
                driver.findElement(By.id("download-csv")).click();
                assertArrayEquals(cli.metrics(), Files.readAllBytes(downloaded(downloads, "metrics.csv")));
                driver.findElement(By.id("download-config")).click();
                assertEquals(ConfigParser.parse(config), ConfigParser.read(downloaded(downloads, "pepita-config.json")));
                driver.findElement(By.id("download-notebook")).click();
                Path notebook = downloadedOrRetried(driver, downloads, "download-notebook", "pepita-serve", ".ipynb");
                JsonNode nb = ConfigParser.mapper().readTree(notebook.toFile());
                assertEquals(4, nb.get("nbformat").asInt());

                // a bad value: the page shows the CLI's message and draws nothing new
                WebElement k = driver.findElement(By.id("A-K"));
                k.clear();
                k.sendKeys("0");
                wait.until(d -> d.findElement(By.id("message-A")).getText().startsWith("key 'K'"));
                String message = driver.findElement(By.id("message-A")).getText();
                assertEquals(expected.size() - 1, attribute(driver, "A", "eps_g", "data-y").split(" ").length,
                        "the last good curve stays");
                ServeTesting.Ode bad = ServeTesting.pepitaOde(tmp, config.replace("\"K\":2", "\"K\":0"));
                assertEquals(bad.err().trim(), "pepita ode: " + message, "the page shows the CLI's line");
                k.clear();
                k.sendKeys("2");
                wait.until(d -> d.findElement(By.id("message-A")).getText().isEmpty());
                waitDone(wait, driver, "progress-A");

                // the URL restores the view
                String url = driver.getCurrentUrl();
                String points = attribute(driver, "A", "eps_g", "points");
                driver.get(url);
                waitDone(wait, driver, "progress-A");
                assertEquals("0.4", driver.findElement(By.id("A-eta")).getAttribute("value"));
                assertEquals(points, attribute(driver, "A", "eps_g", "points"));

                // a second set (bp, dashed) and the simulation overlay, then the README's screenshot
                driver.get(base + "?rule=pepita&K=2&M=2&eta=1&etaV=1&sigmaF=0.5&N=500&seeds=1&seed=0&tMax=100"
                        + "&compare=1&simulate=1&b.rule=bp&b.K=2&b.M=2&b.eta=1&b.etaV=1&b.sigmaF=0.5&b.N=500&b.seeds=1"
                        + "&b.seed=0&b.tMax=100");
                waitDone(wait, driver, "progress-A");
                waitDone(wait, driver, "progress-B");
                waitDone(wait, driver, "progress-simA");
                waitDone(wait, driver, "progress-simB");
                String dashed = attribute(driver, "B", "eps_g", "stroke-dasharray");
                assertNotEquals("none", dashed, "set B is dashed");
                assertNotEquals(attribute(driver, "A", "eps_g", "data-y"), attribute(driver, "B", "eps_g", "data-y"));
                assertTrue(driver.findElements(By.cssSelector("g[data-curve='simA'][data-column='eps_g'] circle")).size() > 10,
                        "simulation markers are drawn");
                waitDone(wait, driver, "progress-firstA");
                assertTrue(attribute(driver, "firstA", "eps_g", "data-y").length() > 100,
                        "PEPITA's exact run has AFA's closed form beside it");
                // the key names the first order's rule as the registry does (/api/model)
                wait.until(d -> d.findElement(By.id("key")).getAttribute("textContent").contains("A: afa closed form"));
                Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.createDirectories(Path.of("target"));
                Files.copy(shot, Path.of("target", "serve.png"), StandardCopyOption.REPLACE_EXISTING);
                String readme = System.getProperty("serve.screenshot");
                if (readme != null && !readme.isBlank()) Files.copy(shot, Path.of(readme), StandardCopyOption.REPLACE_EXISTING);

                // a long exact run, its parameters changed, then the tab left: nothing keeps computing
                driver.get(base + "?rule=pepita&K=2&M=2&tMax=100000");
                ExplorerServerTest.waitFor(() -> server.activeRuns() >= 1, 30);
                WebElement sigmaF = driver.findElement(By.id("A-sigmaF"));
                sigmaF.clear();
                sigmaF.sendKeys("0.3");
                wait.until(d -> d.getCurrentUrl().contains("sigmaF=0.3"));
                // the run of the old parameters stops (A's new run and AFA's at most remain); polled, not slept
                // for a fixed time, so that a slow machine is not mistaken for a leak
                ExplorerServerTest.waitFor(() -> server.activeRuns() <= 2, 30);
                driver.get("about:blank");
                ExplorerServerTest.waitFor(() -> server.activeRuns() == 0, 30);
            } finally {
                driver.quit();
                service.stop();
            }
        }
        assertEquals("", log.toString(), "no unexpected failure was logged");
    }

    /** Waits (60 s at most: a loaded machine writes slowly) for the browser to finish writing a download. */
    static Path downloaded(Path dir, String name) throws InterruptedException {
        Path file = awaitDownload(dir, name, 60);
        if (file == null) throw new AssertionError("no download " + name + " in " + dir);
        return file;
    }

    private static Path awaitDownload(Path dir, String name, int seconds) throws InterruptedException {
        Path file = dir.resolve(name);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!Files.exists(file) || Files.exists(dir.resolve(name + ".crdownload"))) {
            if (System.nanoTime() > end) return null;
            Thread.sleep(50);
        }
        return file;
    }

    /**
     * The notebook download is the page's third from one origin, after a POST to the server: about one run in
     * seven Chrome never started it (CI logs: "no download pepita-serve.ipynb"), with nothing on the page.
     * The button is pressed again once after 30 s; Chrome names a second copy {@code STEM (1)EXT}, so either
     * name counts. A page that shows an error instead fails at once with the page's message.
     */
    static Path downloadedOrRetried(WebDriver driver, Path dir, String button, String stem, String ext)
            throws InterruptedException {
        Path first = awaitDownload(dir, stem + ext, 30);
        if (first != null) return first;
        String message = driver.findElement(By.id("message-A")).getText();
        if (!message.isEmpty()) throw new AssertionError("no download " + stem + ext + ": the page says " + message);
        driver.findElement(By.id(button)).click();
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            for (String name : new String[] {stem + ext, stem + " (1)" + ext}) {
                Path file = dir.resolve(name);
                if (Files.exists(file) && !Files.exists(dir.resolve(name + ".crdownload"))) return file;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no download " + stem + ext + " in " + dir + ", even after a second press");
    }

    /**
     * One attribute of a plotted series, read in one script: the page may replace the element between a
     * findElement and a getAttribute (StaleElementReferenceException). Null when the series is not drawn.
     */
    static String attribute(WebDriver driver, String curve, String column, String name) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(\"polyline[data-curve='\" + arguments[0] + \"'][data-column='\""
                        + " + arguments[1] + \"']\"); return e ? e.getAttribute(arguments[2]) : null;",
                curve, column, name);
    }

    static void waitDone(WebDriverWait wait, WebDriver driver, String id) {
        wait.until(d -> "done".equals(d.findElement(By.id(id)).getAttribute("data-state")));
    }
}
