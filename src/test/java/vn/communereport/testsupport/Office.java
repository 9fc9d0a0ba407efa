package vn.communereport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;

/** What tests do again and again through the bot: invite people, join them, submit a part. */
public final class Office {

    public static final long ADMIN = 1001;
    private static final Pattern INVITE = Pattern.compile("/start ([A-Z0-9]{10})");

    private Office() {
    }

    /** The office administrator asks for an invite code for a department. */
    public static String inviteCode(FakeUser admin, String department) {
        admin.sends("/moi " + department);
        String text = admin.awaitText("Mã mời", WAIT).text();
        Matcher m = INVITE.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    /** A new person joins a department with a fresh code; the bot then puts the first question. */
    public static FakeUser join(FakeBotApi api, FakeUser admin, String department, long id, String name) {
        FakeUser member = api.user(id, name);
        member.sends(inviteCode(admin, department));
        member.awaitText("Bạn đã tham gia", WAIT);
        return member;
    }

    /** From the review with every answer given: submit and confirm; returns the bot's "Đã nộp" message. */
    public static vn.communereport.testsupport.botapi.SentMessage submit(FakeUser member) {
        member.presses("sub");
        member.awaitText("Xác nhận nộp", WAIT);
        member.presses(member.lastMessage().buttonData().stream().filter(d -> d.startsWith("subok|")).findFirst().orElseThrow());
        return member.awaitText("Đã nộp phần", WAIT);
    }
}
