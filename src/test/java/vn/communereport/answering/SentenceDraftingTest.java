package vn.communereport.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.collection.SentenceChoices;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.report.DraftedSentence;
import vn.communereport.report.ReportCompiler;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;

/**
 * Drafted first sentences through the use case alone (no chat): offered only once every figure they quote is in,
 * accepted only as shown, kept as a reference that follows the figures into the compiled report, an own version checked
 * against the table, and nothing changed for another department or a handed-in part.
 */
class SentenceDraftingTest {

    @TempDir
    static Path data;
    static BotProcess bot;
    static SentenceDrafting drafting;
    static SentenceChoices choices;
    static AnswerPipeline pipeline;
    static ReportCompiler compiler;
    static CollectionService collection;
    static ReportingPeriod period;
    static ReportScope scope;
    static Member centre;
    static Member culture;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        drafting = bot.bean(SentenceDrafting.class);
        choices = bot.bean(SentenceChoices.class);
        pipeline = bot.bean(AnswerPipeline.class);
        compiler = bot.bean(ReportCompiler.class);
        collection = bot.bean(CollectionService.class);
        AccessService access = bot.bean(AccessService.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Member admin = access.recognise(telegram(Office.ADMIN), "Văn phòng").orElseThrow();
        centre = access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(3101), "Lan").member();
        culture = access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(3102), "Hoa").member();
        period = bot.bean(PeriodService.class).currentPeriod(scope.commune().code(), scope.report());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static Question block(String block) {
        return scope.report().questionsBySlot().get("muc:" + block);
    }

    static void answer(Member member, String row, String typed) {
        Question question = scope.report().questionsBySlot().get("bieu:" + row);
        Long shown = collection.answer(period.getId(), question.id()).map(a -> a.getVersion()).orElse(null);
        assertThat(pipeline.answer(AnswerRequest.of(member, period, question, AnswerInput.typed(typed), shown)))
                .isInstanceOf(AnswerOutcome.Stored.class);
    }

    @Test
    void noSentenceWithHolesIsOfferedOrStoredWhileAFigureIsMissing() {
        Question question = block("II.6.2"); // Văn hóa - Xã hội writes it; VII.3.1 and VII.3.2 are the Văn phòng's
        DraftedSentence offered = drafting.offer(period, question).orElseThrow();
        assertThat(offered.complete()).isFalse();
        assertThat(offered.missing()).containsExactly("VII.3.1 (chờ Văn phòng HĐND và UBND)", "VII.3.2 (chờ Văn phòng HĐND và UBND)");
        assertThat(drafting.accept(culture, period, question, offered.fingerprint())).isInstanceOf(SentenceDrafting.FiguresMissing.class);
        assertThat(drafting.edit(culture, period, question, "Trong kỳ, xã ban hành 2.297 văn bản đi."))
                .isInstanceOf(SentenceDrafting.FiguresMissing.class);
        assertThat(choices.of(period.getId(), "II.6.2")).isEmpty();
        // A block without a drafted sentence offers none, and accepts none.
        assertThat(drafting.offer(period, block("II.2.1"))).isEmpty();
        assertThat(drafting.accept(centre, period, block("II.2.1"), "00000000")).isInstanceOf(SentenceDrafting.NotAllowed.class);
    }

    @Test
    void anAcceptedSentenceFollowsTheFiguresIntoTheCompiledReportUntilThePartIsHandedIn() throws IOException {
        Question question = block("II.2.2");
        answer(centre, "III.3.1", "1.837");
        answer(centre, "III.3.2.1", "1.822");
        answer(centre, "III.3.2.2", "1.814");
        DraftedSentence offered = drafting.offer(period, question).orElseThrow();
        assertThat(offered.text()).isEqualTo("Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ, giải quyết 1.822 hồ sơ, trong đó 1.814 hồ sơ "
                + "trước và đúng hạn, đạt 99,56%.");

        // Another department's member, and a sentence other than the one the figures give now, change nothing.
        assertThat(drafting.accept(culture, period, question, offered.fingerprint())).isInstanceOf(SentenceDrafting.NotAllowed.class);
        SentenceDrafting.Outcome stale = drafting.accept(centre, period, question, "0badf00d");
        assertThat(stale).isInstanceOf(SentenceDrafting.FiguresChanged.class);
        assertThat(((SentenceDrafting.FiguresChanged) stale).now().text()).isEqualTo(offered.text());
        assertThat(choices.of(period.getId(), "II.2.2")).isEmpty();

        assertThat(drafting.accept(centre, period, question, offered.fingerprint())).isInstanceOf(SentenceDrafting.Stored.class);
        assertThat(choices.of(period.getId(), "II.2.2").orElseThrow().kind()).isEqualTo(SentenceChoice.Kind.ACCEPTED);
        assertThat(choices.of(period.getId(), "II.2.2").orElseThrow().ownText()).isNull();

        // The figure changes after the sentence was accepted: the compiled text and table both give the new one.
        answer(centre, "III.3.2.2", "1.800");
        XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(compiler.compile(period, null).docx().content()));
        List<String> paragraphs = paragraphs(doc);
        String heading = "2.2. Kết quả triển khai thực hiện";
        assertThat(paragraphs.get(paragraphs.indexOf(heading) + 1)).isEqualTo("Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ, giải "
                + "quyết 1.822 hồ sơ, trong đó 1.800 hồ sơ trước và đúng hạn, đạt 98,79%.");
        assertThat(annexRow(doc, "Số hồ sơ TTHC giải quyết trước và đúng hạn")).isEqualTo("1.800");
        assertThat(String.join("\n", paragraphs)).doesNotContain("1.814");
        // An accept pressed with the sentence as it was before the change is refused.
        assertThat(drafting.accept(centre, period, question, offered.fingerprint())).isInstanceOf(SentenceDrafting.FiguresChanged.class);

        collection.submit(period, "trung-tam-hcc", centre.getId(), List.of("trung-tam-hcc"));
        assertThat(drafting.drop(centre, period, question)).isEqualTo(new SentenceDrafting.Locked(true));
        assertThat(choices.of(period.getId(), "II.2.2").orElseThrow().kind()).isEqualTo(SentenceChoice.Kind.ACCEPTED);
    }

    @Test
    void anOwnVersionIsKeptAsWrittenAndItsNumbersCheckedAgainstTheTable() throws IOException {
        Question question = block("II.3.2");
        answer(culture, "IV.2.1", "36");
        assertThat(drafting.edit(culture, period, question, "   ")).isInstanceOf(SentenceDrafting.Refused.class);
        assertThat(drafting.edit(culture, period, question, "x".repeat(SentenceDrafting.MAX_LENGTH + 1)))
                .isInstanceOf(SentenceDrafting.Refused.class);
        assertThat(choices.of(period.getId(), "II.3.2")).isEmpty();

        SentenceDrafting.Outcome edited = drafting.edit(culture, period, question, "Tổng số biên chế được giao là 34 người.");
        assertThat(edited).isInstanceOf(SentenceDrafting.Stored.class);
        assertThat(((SentenceDrafting.Stored) edited).quotedDifferently()).containsExactly("34");
        assertThat(choices.of(period.getId(), "II.3.2").orElseThrow().ownText()).isEqualTo("Tổng số biên chế được giao là 34 người.");
        String text = String.join("\n", paragraphs(new XWPFDocument(new ByteArrayInputStream(compiler.compile(period, null).docx().content()))));
        assertThat(text).contains("Tổng số biên chế được giao là 34 người.")
                .contains("Câu mở đầu mục II.3.2 (Phòng Văn hóa - Xã hội) do người trả lời tự sửa có số 34 không khớp với số liệu của "
                        + "biểu (IV.2.1 = 36).");
    }

    static List<String> paragraphs(XWPFDocument doc) {
        return doc.getBodyElements().stream().filter(e -> e instanceof XWPFParagraph).map(e -> ((XWPFParagraph) e).getText()).toList();
    }

    static String annexRow(XWPFDocument doc, String label) {
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    if (row.getTableCells().size() == 4 && row.getCell(1).getText().equals(label)) {
                        return row.getCell(3).getText();
                    }
                }
            }
        }
        throw new AssertionError("no row " + label);
    }
}
