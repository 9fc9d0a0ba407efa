package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Through the Bot API stand-in: the office invites Phòng Kinh tế's head; a member answers and submits; the head returns
 * the part with a comment; the member submits again; the head approves, and the office is told every part is in.
 */
@LongRunning
class HeadApprovalEndToEndTest {

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of("app.reminders.initial-delay", "PT24H"));
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    /** The three other departments hand their parts in (no head named: each counts as in on submission). */
    private void otherPartsIn(ReportScope scope, FakeUser admin) {
        AccessService access = bot.bean(AccessService.class);
        CollectionService collection = bot.bean(CollectionService.class);
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(scope);
        Member office = access.find(new ChannelIdentity("telegram", String.valueOf(admin.id()), String.valueOf(admin.id()))).orElseThrow();
        long user = 3001;
        for (String department : List.of("van-phong", "van-hoa-xa-hoi", "trung-tam-hcc")) {
            Member member = access.redeem(access.createInvite(office, department),
                    new ChannelIdentity("telegram", String.valueOf(user), String.valueOf(user++)), "Cán bộ").member();
            Flow flow = scope.report().flow(department).orElseThrow();
            for (Question question : flow.questions()) {
                collection.save(period, question, question.type().numeric() ? AnswerValue.ofNumber(BigDecimal.ONE)
                        : AnswerValue.ofText("05/01/2026"), member.getId(), null, false);
            }
            assertThat(collection.submit(period, department, member.getId(), scope.owingDepartments()).submitted()).isTrue();
        }
    }

    @Test
    void memberSubmitsHeadReturnsWithACommentMemberSubmitsAgainHeadApprovesOfficeToldAllAreIn() {
        ReportScope scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");

        // The office makes an invite whose holder becomes Phòng Kinh tế's head.
        admin.sends("/moi");
        admin.awaitText("Chọn phòng, ban", WAIT);
        admin.presses("invh|kinh-te");
        Matcher code = Pattern.compile("/start ([A-Z0-9]{10})").matcher(admin.awaitText("sẽ là trưởng phòng", WAIT).text());
        assertThat(code.find()).isTrue();
        FakeUser head = api.user(2002, "Lò Văn Trưởng");
        head.sends("/start " + code.group(1));
        head.awaitText("vai trò trưởng phòng", WAIT);
        admin.sends("/thanhvien");
        assertThat(admin.awaitText("Thành viên", WAIT).text()).contains("Lò Văn Trưởng (trưởng phòng)");

        otherPartsIn(scope, admin);

        // A member answers the whole part and submits: it goes to the head, and waits.
        FakeUser member = Office.join(api, admin, "kinh-te", 2001, "Hà Thị Kinh");
        Flow economy = scope.report().flow("kinh-te").orElseThrow();
        new FlowDriver(member, economy, FlowDriver.fromTable(SeedReport.tableValues(scope.report())))
                .answerUntilReview(member.awaitText("Câu 1/", WAIT), Integer.MAX_VALUE);
        Office.submit(member);
        member.awaitText("gửi tới trưởng phòng Lò Văn Trưởng", WAIT);
        SentMessage request = head.awaitMessage(m -> m.buttonData().stream().anyMatch(d -> d.startsWith("hret|")), WAIT);
        assertThat(request.text()).contains("Hà Thị Kinh đã nộp phần của Phòng Kinh tế");
        admin.sends("/tiendo");
        assertThat(admin.awaitText("Tiến độ", WAIT).text()).contains("Phòng Kinh tế: chờ trưởng phòng duyệt").contains("Đã nộp 3/4 phần");

        // The head returns it with a comment; the member is told with the comment.
        head.presses(request.buttonData().stream().filter(d -> d.startsWith("hret|")).findFirst().orElseThrow());
        head.awaitText("Gửi ý kiến", WAIT);
        head.sends("Số vốn giải ngân VI.1.2 chưa khớp Kho bạc.");
        head.awaitText("Đã trả lại phần của Phòng Kinh tế", WAIT);
        assertThat(member.awaitText("trả lại để sửa", WAIT).text()).contains("Số vốn giải ngân VI.1.2 chưa khớp Kho bạc.");

        // The member submits again; the old request's «Duyệt» is stale and changes nothing.
        member.sends("/xem");
        member.awaitMessage(m -> m.buttonData().contains("sub"), WAIT);
        Office.submit(member);
        String oldApprove = request.buttonData().stream().filter(d -> d.startsWith("hok|")).findFirst().orElseThrow();
        SentMessage again = head.awaitMessage(m -> m.buttonData().stream().anyMatch(d -> d.startsWith("hok|")), WAIT);
        head.pressesOn(request.messageId(), oldApprove);
        head.awaitText("không còn dùng được", WAIT);

        // The head approves: the part is in, and it was the last one.
        head.presses(again.buttonData().stream().filter(d -> d.startsWith("hok|")).findFirst().orElseThrow());
        head.awaitText("Đã duyệt phần của Phòng Kinh tế", WAIT);
        member.awaitText("đã được Lò Văn Trưởng duyệt", WAIT);
        SentMessage allIn = admin.awaitText("Đã nhận đủ tất cả các phần", WAIT);
        assertThat(allIn.buttonData()).anyMatch(d -> d.startsWith("draft|"));
        admin.sends("/tiendo");
        assertThat(admin.awaitText("Tiến độ", WAIT).text()).contains("Đã nộp 4/4 phần").contains("✅ Phòng Kinh tế: đã nộp");
    }
}
