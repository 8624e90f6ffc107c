package org.forwardonly.cli.serve;

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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The explorer's view in a real browser (chromium through Selenium, as {@link ExplorerBrowserTest}):
 * a slider moved with the keyboard redraws the plot; the view exports as a PNG and an SVG; the panels for c, d,
 * P, cos∠(v, b) and |c| are drawn; legends sit beside the plot area, never on it, at K = M = 2 and 10;
 * status lines go when what they describe is switched off. Saves screenshots at K = M = 2 and 10 to
 * {@code cli/target/explorer-k2.png} and {@code explorer-k10.png} (and to {@code -Dexplorer.screenshots=DIR},
 * which is how docs/img/ gets them). Waits poll for up to 3 minutes and ignore stale elements: the page
 * redraws as events arrive, and the machine may be busy.
 */
class ExplorerViewBrowserTest {
    @TempDir
    Path tmp;

    private interface Session {
        void run(WebDriver driver, WebDriverWait wait, String base, Path downloads) throws Exception;
    }

    private void inBrowser(Session session) throws Exception {
        if (!Files.isExecutable(ExplorerBrowserTest.CHROMIUM) || !Files.isExecutable(ExplorerBrowserTest.CHROMEDRIVER)) {
            String why = "the browser test needs chromium and chromedriver (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        StringWriter log = new StringWriter();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ExplorerBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        // wide enough for three panels a row: the screenshots show the whole view
        ChromeOptions options = ExplorerBrowserTest.headlessChromium(tmp, downloads, "1720,1200");
        try (ExplorerServer server = new ExplorerServer("127.0.0.1", 0, 1, new PrintWriter(log, true))) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(180));
                wait.ignoring(StaleElementReferenceException.class);
                session.run(driver, wait, "http://127.0.0.1:" + server.port() + "/", downloads);
            } finally {
                driver.quit();
                service.stop();
            }
        }
        assertEquals("", log.toString(), "no unexpected failure was logged");
    }

    @Test
    void movingASliderRedrawsThePlot() throws Exception {
        inBrowser((driver, wait, base, downloads) -> {
            driver.get(base + "?rule=afa&K=2&M=2&tMax=50");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-A");
            String before = ExplorerBrowserTest.attribute(driver, "A", "eps_g", "data-y");
            assertEquals("1", driver.findElement(By.id("A-eta")).getAttribute("value"));
            // η's slider, moved by the keyboard as a user would: ten steps of 0.05 to the left
            WebElement slider = driver.findElement(By.id("A-eta-slider"));
            new Actions(driver).click(slider).perform(); // a click lands mid-range: the value changes too
            for (int i = 0; i < 10; i++) slider.sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
            String moved = driver.findElement(By.id("A-eta")).getAttribute("value");
            assertNotEquals("1", moved, "the slider wrote its value into η's box");
            // the run shown is that of the box's value (a number compared as a number: "2" and 2.0 alike)
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return window.pepitaExplorer.curves.A.config.eta === Number(document.getElementById('A-eta').value)"))
                    && "done".equals(d.findElement(By.id("progress-A")).getAttribute("data-state")));
            String after = ExplorerBrowserTest.attribute(driver, "A", "eps_g", "data-y");
            assertNotEquals(before, after, "ε_g(t) is redrawn for the new η");
            // η_v was left empty: the config has no etaV (the CLI's default, η_v = η) and its slider follows η
            String cfg = (String) ((JavascriptExecutor) driver).executeScript(
                    "return JSON.stringify(window.pepitaExplorer.curves.A.config)");
            assertTrue(!cfg.contains("etaV"), cfg);
            assertEquals(driver.findElement(By.id("A-eta-slider")).getAttribute("value"),
                    driver.findElement(By.id("A-etaV-slider")).getAttribute("value"), "η_v's slider follows η");
        });
    }

    @Test
    void theViewExportsAsPngAndSvg() throws Exception {
        inBrowser((driver, wait, base, downloads) -> {
            driver.get(base + "?rule=afa&K=2&M=2&tMax=50");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-A");
            driver.findElement(By.id("download-png")).click();
            byte[] png = Files.readAllBytes(ExplorerBrowserTest.downloaded(downloads, "pepita-explorer.png"));
            byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            assertArrayEquals(magic, Arrays.copyOf(png, 8), "a PNG signature");
            DataInputStream ihdr = new DataInputStream(new ByteArrayInputStream(png, 16, 8));
            int width = ihdr.readInt(), height = ihdr.readInt();
            // the panels at twice the page's pixels: at least two panels a row (2 × 430 px), at least 2 rows
            assertTrue(width >= 2 * 860 && width <= 2 * 1720, "PNG width " + width);
            assertTrue(height >= 2 * 480 && height <= 2 * 4000, "PNG height " + height);
            // drawn, not blank: a white 1720 × 960 PNG compresses to a few KB, the panels' lines and text to far more
            assertTrue(png.length > 40_000 && png.length < 20_000_000, "PNG of " + png.length + " bytes");
            driver.findElement(By.id("download-svg")).click();
            String svg = Files.readString(ExplorerBrowserTest.downloaded(downloads, "pepita-explorer.svg"));
            assertTrue(svg.startsWith("<svg") && svg.contains("data-column=\"eps_g\"") && svg.contains("<style>"),
                    svg.substring(0, Math.min(300, svg.length())));
        });
    }

    /** Boxes of the plot area and of the legend entries of each panel, and which legend box enters a plot area. */
    private static final String LEGEND_OVERLAPS = """
            const out = [];
            for (const svg of document.querySelectorAll("svg[data-panel]")) {
              const area = svg.querySelector("rect.axis").getBoundingClientRect();
              for (const e of svg.querySelectorAll(".legend-entry, .legend-scale")) {
                const b = e.getBoundingClientRect();
                if (b.left < area.right && b.right > area.left && b.top < area.bottom && b.bottom > area.top)
                  out.push(svg.dataset.panel + ": " + e.textContent);
              }
            }
            return out;""";

    @SuppressWarnings("unchecked")
    private static List<String> legendOverlaps(WebDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(LEGEND_OVERLAPS);
    }

    private static long legendEntries(WebDriver driver, String panel) {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll(\"svg[data-panel='\" + arguments[0] + \"'] .legend-entry\").length", panel);
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
        String dir = System.getProperty("explorer.screenshots");
        if (dir != null && !dir.isBlank()) Files.copy(shot, Path.of(dir, name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void legendsSitBesideTheDataAtKEquals2And10() throws Exception {
        inBrowser((driver, wait, base, downloads) -> {
            driver.get(base + "?rule=afa&K=2&M=2&tMax=100&simulate=1&N=500");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-A");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-simA");
            for (String panel : List.of("eps_g", "Q", "R", "v", "c", "d", "P", "cos_v_feedback", "c_norm")) {
                assertTrue(driver.findElements(By.cssSelector("svg[data-panel='" + panel + "']")).size() == 1, panel + " panel");
            }
            assertEquals(4, legendEntries(driver, "R"), "R at K = M = 2: one entry per column");
            assertEquals(List.of(), legendOverlaps(driver));
            screenshot(driver, "explorer-k2.png");

            driver.get(base + "?rule=afa&K=10&M=10&tMax=100");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-A");
            // 100 R columns: one entry for the family, its first and last column beside a colour scale
            assertEquals(3, legendEntries(driver, "R"), "R at K = M = 10: the family and its scale");
            assertTrue(driver.findElements(By.cssSelector("svg[data-panel='R'] polyline[data-curve='A']")).size() == 100);
            assertEquals(List.of(), legendOverlaps(driver));
            screenshot(driver, "explorer-k10.png");
        });
    }

    @Test
    void statusLinesGoWhenWhatTheyDescribeIsSwitchedOff() throws Exception {
        inBrowser((driver, wait, base, downloads) -> {
            driver.get(base + "?rule=pepita&K=2&M=2&tMax=5&simulate=1&N=200");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-firstA");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-simA");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-A");
            assertTrue(driver.findElement(By.id("progress-firstA")).getText().startsWith("afa, first order in F: done"));
            // bp has no AFA beside it: its line goes (it stayed, "done", before issue 28)
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("A-rule"))).selectByValue("bp");
            wait.until(d -> d.findElement(By.id("progress-firstA")).getText().isEmpty());
            ExplorerBrowserTest.waitDone(wait, driver, "progress-simA");
            driver.findElement(By.id("simulate")).click();
            wait.until(d -> d.findElement(By.id("progress-simA")).getText().isEmpty());
            assertTrue(driver.findElements(By.cssSelector("g[data-curve='simA']")).isEmpty(), "no markers left");
            ExplorerBrowserTest.waitDone(wait, driver, "progress-A");
            assertTrue(driver.findElement(By.id("progress-A")).getText().contains("done"));
        });
    }
}
