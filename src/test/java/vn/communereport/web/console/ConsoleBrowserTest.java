package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.communereport.access.Member;
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.WebLinks;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.web.WebApp;

/**
 * The console in a real browser at a phone's size (Debian's chromium, headless, 360×740): the office administrator
 * opens the login link the bot would send, sees a department's submission in the grid and its figures, and downloads
 * the DOCX, which holds the values. Screenshots of each page go to docs/. Skipped where chromium is not installed.
 */
@LongRunning
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("docs/screenshots");

    @TempDir
    Path data;
    @TempDir
    Path downloads;
    WebApp app;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromium-driver are not installed");
        app = WebApp.start(data, Map.of("telegram.enabled", "false"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=360,740",
                "--lang=vi-VN");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "vi-VN,vi");
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(360, 740));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theOfficeSeesASubmissionAndDownloadsTheReportOnAPhone() throws Exception {
        Member hoa = app.member("trung-tam-hcc", 2002, "Vàng Thị Hoa");
        Member lan = app.member("kinh-te", 2001, "Hà Thị Lan");
        ReportScope scope = app.bot().bean(ReportScopes.class).of(ConsoleFixture.COMMUNE, "cchc").orElseThrow();
        ReportingPeriod period = app.bot().bean(PeriodService.class).currentPeriod(scope);
        answer(hoa, period, scope, "hcc-hs-tiep-nhan", "2.654");
        answer(hoa, period, scope, "hcc-hs-giai-quyet", "2.647");
        answer(lan, period, scope, "kt-von-dtc-ke-hoach", "100");
        answer(lan, period, scope, "kt-von-dtc-thuc-hien", "150"); // above the plan: the figure check warns
        app.bot().bean(CollectionService.class).submit(period, "trung-tam-hcc", hoa.getId(), scope.owingDepartments());

        // Signing in the way the office does: the login link the bot sends, its button.
        browser.get(app.bot().bean(WebLinks.class).loginLink(app.officeAdmin()).replaceFirst("^https?://[^/]+", app.baseUrl()));
        browser.findElement(By.cssSelector("form button")).click();
        await(() -> browser.getCurrentUrl().endsWith("/app/office"));
        String grid = browser.findElement(By.tagName("main")).getText();
        assertThat(grid).contains("Tiến độ các phòng, ban").contains("Đã nộp 1/4 phần.")
                .contains("Trung tâm Phục vụ hành chính công").contains("người nộp: Vàng Thị Hoa");
        assertFitsThePhone();
        shot("console-progress-360.png");

        browser.findElement(By.cssSelector("#dept-trung-tam-hcc a.name")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("III.3.1").contains("2.654 hồ sơ")
                .contains("Kiểm tra số liệu");
        assertFitsThePhone();
        shot("console-department-360.png");
        WebElement figure = browser.findElement(By.xpath("//li[contains(@class,'fig')][.//span[@class='ref' and text()='III.3.1']]"));
        figure.findElement(By.cssSelector("details.history summary")).click();
        assertThat(figure.getText()).contains("(trống) → 2.654 hồ sơ").contains("Vàng Thị Hoa");
        browser.executeScript("arguments[0].scrollIntoView()", figure);
        Files.copy(figure.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("console-history-360.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.findElement(By.linkText("Thành viên")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Vàng Thị Hoa");
        assertFitsThePhone();
        shot("console-members-360.png");

        browser.findElement(By.linkText("Kỳ báo cáo")).click();
        assertFitsThePhone();
        shot("console-period-360.png");

        browser.findElement(By.linkText("Báo cáo")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Cảnh báo:").contains("(VI.1.2)");
        assertFitsThePhone();
        shot("console-report-360.png");
        browser.findElement(By.id("download-docx")).click();
        Path docx = awaitDownload(".docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx)));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("2.654").contains("2.647");
        }

        // On a desk the grid takes the width: two or three departments a row.
        browser.manage().window().setSize(new Dimension(1280, 800));
        browser.findElement(By.linkText("Tiến độ")).click();
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("console-progress-desk.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void answer(Member member, ReportingPeriod period, ReportScope scope, String questionId, String typed) {
        Question question = scope.report().question(questionId).orElseThrow();
        AnswerOutcome outcome = app.bot().bean(AnswerPipeline.class)
                .answer(AnswerRequest.of(member, period, question, new AnswerInput.Typed(typed), null).withWarningsAccepted("Đã đối chiếu với sổ theo dõi"));
        assertThat(outcome).isInstanceOf(AnswerOutcome.Stored.class);
    }

    /** Nothing wider than the screen: no sideways scrolling at 360 px. */
    private void assertFitsThePhone() {
        Object width = browser.executeScript("return document.documentElement.scrollWidth");
        Object viewport = browser.executeScript("return window.innerWidth");
        assertThat(((Number) width).longValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(((Number) viewport).longValue());
    }

    private void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        // Up to two screens of the page, at the phone's width.
        Object height = browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(360, Math.min(1480, Math.max(740, ((Number) height).intValue() + 200))));
        File file = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(360, 740));
    }

    private Path awaitDownload(String suffix) {
        Path[] found = new Path[1];
        await(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                done.ifPresent(f -> found[0] = f);
                return done.isPresent();
            } catch (IOException e) {
                return false;
            }
        });
        return found[0];
    }

    private void await(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> condition.getAsBoolean());
    }

}
