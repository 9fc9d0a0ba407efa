package vn.communereport.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.communereport.collection.CollectionService;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.web.SignedInitData;
import vn.communereport.testsupport.web.WebSessions;

/**
 * A member in a real browser, at a phone's size: opens the form from a signed Mini App launch, fills the department's
 * part with wrong inputs on the way, sees a colleague's change arrive, reviews and submits; the chat then shows the
 * same answers. Skipped where Debian's chromium and chromium-driver are not installed.
 */
@LongRunning
class FormInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where the screenshots go: docs/ when asked for ({@code -Dform.screenshots=docs}), else the build's folder. */
    static final Path SHOTS = Path.of(System.getProperty("form.screenshots", "target/screenshots"));

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    FakeUser admin;
    ChromeDriver browser;

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of());
        admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,740",
                "--lang=vi", "--hide-scrollbars");
        // Headless windows are at least 500 px wide: the phone's viewport is emulated, 360 × 740 CSS pixels.
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", 360, "height", 740, "pixelRatio", 1.0)));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aMemberFillsAndSubmitsThePartInTheBrowserAndTheChatShowsTheSameAnswers() throws IOException {
        FakeUser hung = Office.join(api, admin, "kinh-te", 6001, "Hùng");
        FakeUser mai = Office.join(api, admin, "kinh-te", 6002, "Mai");
        mai.awaitText("Câu 1/16", WAIT);

        open(6001, "Hùng");
        assertThat(browser.getCurrentUrl()).endsWith("/app/form");
        assertThat(text(By.tagName("h1"))).isEqualTo("Phòng Kinh tế");
        assertThat(text(By.cssSelector(".prog"))).contains("0/16");

        // A colleague answers the first figure in the chat; the open page picks it up.
        mai.sends("1.250,5");
        mai.awaitText("Câu 2/16", WAIT);
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(d -> "1.250,5".equals(input("kt-von-dtc-ke-hoach").getDomProperty("value")));
        assertThat(status("kt-von-dtc-ke-hoach")).contains("Mai vừa cập nhật");

        // More spent than planned: a warning, stored once confirmed; the rate appears.
        type("kt-von-dtc-thuc-hien", "1 300");
        awaitState("kt-von-dtc-thuc-hien", "confirm");
        assertThat(message("kt-von-dtc-thuc-hien")).contains("Kiểm tra lại");
        shot("form-360-warning.png", "kt-von-dtc-thuc-hien");
        field("kt-von-dtc-thuc-hien").findElement(By.cssSelector(".msg input.why")).sendKeys("Kế hoạch vốn được bổ sung trong kỳ");
        field("kt-von-dtc-thuc-hien").findElement(By.cssSelector(".msg button")).click();
        awaitState("kt-von-dtc-thuc-hien", "saved");
        new WebDriverWait(browser, WAIT).until(d -> text(By.cssSelector("[data-rate='VI.1'] .rv")).equals("103,96 %"));

        // Not a number: refused with its reason, nothing stored; then the right one.
        type("kt-dvsn-tong", "năm");
        awaitState("kt-dvsn-tong", "refused");
        assertThat(message("kt-dvsn-tong")).isNotBlank();
        assertThat(stored("kt-dvsn-tong")).isNull();
        shot("form-360-refused.png", "kt-dvsn-tong");
        retype("kt-dvsn-tong", "5");
        awaitState("kt-dvsn-tong", "saved");

        for (String[] figure : List.of(new String[] {"kt-dvsn-tu-chu-dtu", "1"}, new String[] {"kt-dvsn-tu-chu-ctx", "1"},
                new String[] {"kt-dvsn-mot-phan", "2"}, new String[] {"kt-dvsn-70-100", "1"}, new String[] {"kt-dvsn-30-70", "1"},
                new String[] {"kt-dvsn-10-30", "0"})) {
            type(figure[0], figure[1]);
            awaitState(figure[0], "saved");
        }
        // The parts do not add up to the whole: the rule's reason beside the field.
        type("kt-dvsn-nn-bao-dam", "3");
        awaitState("kt-dvsn-nn-bao-dam", "refused");
        assertThat(message("kt-dvsn-nn-bao-dam")).contains("Số liệu không hợp lệ").contains("VI.2.1");
        retype("kt-dvsn-nn-bao-dam", "1");
        awaitState("kt-dvsn-nn-bao-dam", "saved");
        type("kt-dvsn-co-phan-hoa", "0");
        awaitState("kt-dvsn-co-phan-hoa", "saved");

        // The narrative blocks: text areas that grow, saved after a pause while typing.
        for (WebElement area : browser.findElements(By.cssSelector(".f[data-kind=area]"))) {
            String id = area.getDomAttribute("data-q");
            WebElement box = input(id);
            int before = box.getSize().getHeight();
            box.sendKeys("Trong kỳ, phòng đã triển khai đầy đủ các nhiệm vụ được giao.\nKết quả cụ thể như sau: "
                    + "hoàn thành kế hoạch, báo cáo đúng hạn.\nNội dung mục " + id + ".\nDòng thứ tư.\nDòng thứ năm.");
            assertThat(box.getSize().getHeight()).isGreaterThan(before);
            awaitState(id, "saved");
        }
        assertThat(text(By.cssSelector(".prog"))).contains("16/16");
        shot("form-360-filled.png", null);

        browser.findElement(By.id("review")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().endsWith("/app/form/review"));
        assertThat(text(By.cssSelector(".prog"))).contains("16/16");
        assertThat(browser.getPageSource()).doesNotContain("⛔");
        shot("form-360-review.png", "confirm");
        browser.findElement(By.id("confirm")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("r=submitted"));
        assertThat(text(By.id("result"))).contains("Đã nộp phần báo cáo");

        // The chat: the colleague is told, and sees every answer the form stored, locked.
        assertThat(mai.awaitText("đã nộp phần của Phòng Kinh tế", WAIT).text()).contains("Hùng");
        mai.sends("/xem");
        String review = mai.awaitText("📋", WAIT).text();
        assertThat(review).contains("Đã trả lời 16/16").contains("1.250,5").contains("1.300").contains("Trong kỳ, phòng đã triển khai");
        assertThat(stored("kt-dvsn-tong")).isNotNull();
        hung.sends("/start");
        assertThat(hung.awaitText("đã được nộp", WAIT).text()).contains("Hùng");
    }

    @Test
    void theLargestDepartmentsFormAtAPhonesWidth() throws IOException {
        Office.join(api, admin, "van-hoa-xa-hoi", 6101, "Lan").awaitText("Câu 1/60", WAIT);
        open(6101, "Lan");
        assertThat(browser.findElements(By.cssSelector(".f"))).hasSize(60);
        type("vh-vb-chi-dao-cchc", "12");
        awaitState("vh-vb-chi-dao-cchc", "saved");
        type("vh-kh-so-nhiem-vu", "24");
        awaitState("vh-kh-so-nhiem-vu", "saved");
        browser.executeScript("window.scrollTo(0,0)");
        shot("form-360-top.png", null);
        // Nothing wider than the phone.
        Long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(width).isLessThanOrEqualTo(360L);
        shot("form-360-yesno.png", "vh-tt-hinh-thuc-khac");
        field("vh-tt-hinh-thuc-khac").findElement(By.cssSelector("input[value='1']")).click();
        awaitState("vh-tt-hinh-thuc-khac", "saved");
        assertThat(stored("vh-tt-hinh-thuc-khac").value().number()).isEqualByComparingTo("1");

        // The connection drops: what is typed is kept in the page, marked not saved, and sent once it is back.
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        type("vh-kt-so-don-vi", "3");
        awaitState("vh-kt-so-don-vi", "offline");
        assertThat(status("vh-kt-so-don-vi")).contains("mất kết nối");
        assertThat(text(By.id("banner"))).contains("Mất kết nối");
        String key = "form:" + field("vh-kt-so-don-vi").findElement(By.xpath("ancestor::main")).getDomAttribute("data-period") + ":vh-kt-so-don-vi";
        assertThat((String) browser.executeScript("return localStorage.getItem(arguments[0])", key)).contains("\"value\":\"3\"");
        assertThat(stored("vh-kt-so-don-vi")).isNull();
        shot("form-360-offline.png", "vh-kt-so-don-vi");
        browser.deleteNetworkConditions();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "saved".equals(field("vh-kt-so-don-vi").getDomAttribute("data-state")));
        assertThat(stored("vh-kt-so-don-vi").value().number()).isEqualByComparingTo("3");
        assertThat((String) browser.executeScript("return localStorage.getItem(arguments[0])", key)).isNull();
    }

    /** Opens the Mini App as Telegram does: the launch URL with freshly signed initData; it leads to the form. */
    private void open(long telegramUserId, String name) {
        String initData = SignedInitData.forUser(telegramUserId, name, BotProcess.TOKEN, Instant.now());
        browser.get(SignedInitData.launchUrl(WebSessions.baseUrl(bot), initData)
                + "&tgWebAppThemeParams=" + java.net.URLEncoder.encode("{\"button_color\":\"#2ea6ff\"}", java.nio.charset.StandardCharsets.UTF_8));
        new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.id("form")).isEmpty());
    }

    private WebElement field(String q) {
        return browser.findElement(By.id("f-" + q));
    }

    private WebElement input(String q) {
        return browser.findElement(By.id("i-" + q));
    }

    private void type(String q, String value) {
        WebElement box = input(q);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", box);
        box.click();
        box.sendKeys(value);
        box.sendKeys(Keys.TAB); // leaving the field saves it
    }

    private void retype(String q, String value) {
        WebElement box = input(q);
        box.click();
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        type(q, value);
    }

    private void awaitState(String q, String state) {
        new WebDriverWait(browser, WAIT).until(d -> state.equals(field(q).getDomAttribute("data-state")));
    }

    private String status(String q) {
        return field(q).findElement(By.cssSelector(".st")).getText();
    }

    private String message(String q) {
        return field(q).findElement(By.cssSelector(".msg")).getText();
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private vn.communereport.collection.Answer stored(String q) {
        CollectionService collection = bot.bean(CollectionService.class);
        long period = bot.bean(vn.communereport.collection.PeriodService.class)
                .currentPeriod(bot.bean(vn.communereport.definition.ReportScopes.class).all().get(0)).getId();
        return collection.answer(period, q).orElse(null);
    }

    /** A screenshot at 360 px, the named field (or element id) in the middle. */
    private void shot(String name, String around) throws IOException {
        if (around != null) {
            List<WebElement> found = browser.findElements(By.id("f-" + around));
            WebElement target = found.isEmpty() ? browser.findElement(By.id(around)) : found.get(0);
            browser.executeScript("arguments[0].scrollIntoView({block:'center'})", target);
        }
        Files.createDirectories(SHOTS);
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
