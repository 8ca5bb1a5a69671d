package eu.vigie.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import eu.vigie.local.KeycloakTokens;
import eu.vigie.local.Suite;

/**
 * The officers' console in a real browser (headless Debian Chromium) against the real suite: a GB
 * referrer signs in through Keycloak and reports a URL on a registered platform, and signs out; a
 * reviewer signs in and assesses the case; a second officer (issuer) issues the removal order from
 * the pre-filled Annex I form; the platform receives it and answers with Annex II, and the order page
 * shows it complied. A screenshot of each step is kept in {@code target/screenshots}.
 */
@ExtendWith(SuiteExtension.class)
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PLATFORM = "exampleconsole";
    private static final String HOST = "console-video.example";

    static Suite suite;
    static Vigie vigie;
    static WebDriver browser;
    static Path screenshots;
    static int step;

    @BeforeAll
    static void start() throws IOException {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
        // A platform of its own (a client of the platforms realm): no other test has asked ingest-service about its host.
        vigie.registerPlatform(PLATFORM, HOST, "GB");
        screenshots = Path.of(System.getProperty("vigie.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("vigie.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1600", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("vigie.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officersReportAssessIssueAndWatchTheOrderComplete() throws IOException {
        String console = suite.service("case-service").baseUrl() + "/console/gb";
        String url = "https://" + HOST + "/watch?v=console-" + UUID.randomUUID();

        // 1. The referrer signs in through Keycloak and reports the URL with its text.
        signIn(console, "gb-referrer");
        assertTrue(text(By.id("who")).contains("gb-referrer · CTIRU · GB"), text(By.id("who")));
        browser.get(console + "/report");
        browser.findElement(By.id("url")).sendKeys(url);
        browser.findElement(By.id("text")).sendKeys("Join the jihad: Daesh needs you. Glory to the martyrs. "
                + UUID.randomUUID());
        browser.findElement(By.id("language")).sendKeys("en");
        browser.findElement(By.id("reference")).sendKeys("CTIRU-CONSOLE-1");
        screenshot("report-form");
        browser.findElement(By.id("report-submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("referral")));
        assertEquals(url, text(By.id("canonical-url")));
        assertTrue(text(By.id("platform")).startsWith(PLATFORM), text(By.id("platform")));
        // The page refreshes by itself until case-service has opened the case.
        WebElement caseLink = new WebDriverWait(browser, WAIT).until(
                d -> d.findElements(By.cssSelector("#referral-case a")).stream().findFirst().orElse(null));
        String caseUrl = caseLink.getAttribute("href");
        screenshot("referral-result");
        signOut();

        // 2. The reviewer signs in and assesses the case as terrorist content.
        browser.get(caseUrl);
        logIn("gb-reviewer");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("assessment-form")));
        screenshot("case-for-review");
        browser.findElement(By.id("decision-TERRORIST_CONTENT")).click();
        browser.findElement(By.id("category-INCITEMENT")).click();
        browser.findElement(By.id("category-GROUP_PARTICIPATION")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("tier"))).selectByValue("DESIGNATED_GROUP");
        browser.findElement(By.id("legalBasis")).sendKeys("Regulation (EU) 2021/784, Art. 2(7)(a) and (c)");
        browser.findElement(By.id("reasons")).sendKeys("Recruitment call for a proscribed organisation");
        browser.findElement(By.id("assessment-submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("assessment-done")));
        assertEquals("Terrorist content", text(By.id("assessment-decision")));
        screenshot("case-assessed");
        signOut();

        // 3. A second officer, the issuer, issues the removal order from the pre-filled Annex I form.
        browser.get(caseUrl);
        logIn("gb-issuer");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("order-form")));
        assertTrue(browser.findElement(By.id("urls")).getAttribute("value").contains(url), "the URL is pre-filled");
        assertTrue(browser.findElement(By.id("order-category-INCITEMENT")).isSelected(), "the categories are pre-filled");
        browser.findElement(By.id("fileNumber")).sendKeys("CTIRU-CONSOLE-1");
        screenshot("order-form");
        browser.findElement(By.id("order-submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        String orderId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        screenshot("order-issued");

        // 4. Delivered to the platform's webhook; the platform answers with Annex II; the order page shows it complied.
        KeycloakTokens tokens = suite.tokens();
        new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.id("countdown")).size() == 1;
        });
        screenshot("order-received-countdown");
        String platform = tokens.client("platforms", PLATFORM, PLATFORM + "-secret");
        vigie.as(platform, "notify-service").body(java.util.Map.of("form", "ANNEX_II", "action", "REMOVED",
                "actionAt", java.time.Instant.now().toString(), "reference", "EV-CONSOLE-1"))
                .post("/api/v1/removal-orders/" + orderId + "/feedback").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(202)));
        new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("order-status")).getText().startsWith("Complied");
        });
        assertFalse(browser.findElements(By.cssSelector("#complied time")).isEmpty(), "the removal time is shown");
        screenshot("order-complied");
        assertEquals("COMPLIED", vigie.order("gb", "gb-issuer", orderId).getString("status"));
        // The console acted as the officers themselves: the API records the same names as with their bearer tokens.
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        String issuerToken = vigie.user("gb", "gb-issuer");
        assertEquals("gb:gb-issuer", vigie.order("gb", "gb-issuer", orderId).getString("issuedBy"));
        assertEquals("gb:gb-reviewer", vigie.as(issuerToken, "case-service").get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath().getString("assessment.assessedBy"));
        signOut();
    }

    /** Opens the console and signs in on Keycloak's page. */
    private static void signIn(String console, String user) throws IOException {
        browser.get(console);
        logIn(user);
    }

    private static void logIn(String user) throws IOException {
        wait(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        screenshot("keycloak-sign-in-" + user);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(KeycloakTokens.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertTrue(text(By.id("who")).contains(user), text(By.id("who")));
    }

    /** Signs out (RP-initiated logout at Keycloak) and lands on the console's signed-out page. */
    private static void signOut() throws IOException {
        browser.findElement(By.id("sign-out")).click();
        wait(ExpectedConditions.urlContains("/console/signed-out"));
        screenshot("signed-out");
    }

    private static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++step, name)),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
