package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;

/** The layout of Nghị định 30/2020/NĐ-CP, Phụ lục I, read from the document's XML rather than assumed. */
class DocxLayoutTest {

    static XWPFDocument doc;
    static CTStyles styles;

    @BeforeAll
    static void compileTheSeed() throws Exception {
        doc = DocxReading.open(new ReportFiles().compile(SeedFixture.seedData(LocalDate.of(2026, 1, 5))).docx().content());
        styles = doc.getStyle();
    }

    private static long twips(Object value) {
        return ((BigInteger) value).longValue();
    }

    private static long mm(long twips) {
        return Math.round(twips / 56.6929);
    }

    @Test
    void a4PortraitWithTheOfficialMargins() {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        CTPageSz size = sect.getPgSz();
        assertThat(mm(twips(size.getW()))).isEqualTo(210);
        assertThat(mm(twips(size.getH()))).isEqualTo(297);
        assertThat(size.getOrient() == null || size.getOrient().toString().equals("portrait")).isTrue();
        CTPageMar margins = sect.getPgMar();
        assertThat(mm(twips(margins.getTop()))).isBetween(20L, 25L);
        assertThat(mm(twips(margins.getBottom()))).isBetween(20L, 25L);
        assertThat(mm(twips(margins.getLeft()))).isBetween(30L, 35L);
        assertThat(mm(twips(margins.getRight()))).isBetween(15L, 20L);
    }

    @Test
    void timesNewRomanEverywhereInBlack() {
        CTFonts defaults = styles.getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0);
        assertThat(List.of(defaults.getAscii(), defaults.getHAnsi(), defaults.getCs(), defaults.getEastAsia()))
                .containsOnly("Times New Roman");
        assertThat(styles.getDocDefaults().getRPrDefault().getRPr().getColorArray(0).xgetVal().getStringValue()).isEqualTo("000000");
        // No style, run or header names another font or colour, nor a theme font.
        List<String> xml = new ArrayList<>(List.of(styles.xmlText(), doc.getDocument().xmlText()));
        doc.getHeaderList().forEach(h -> xml.add(h._getHdrFtr().xmlText()));
        Pattern fontAttribute = Pattern.compile("w:(ascii|hAnsi|cs|eastAsia)=\"([^\"]*)\"");
        Pattern colour = Pattern.compile("<w:color w:val=\"([^\"]*)\"");
        for (String part : xml) {
            assertThat(part).doesNotContain("Theme=");
            Matcher fonts = Pattern.compile("<w:rFonts([^>]*)>").matcher(part);
            while (fonts.find()) {
                Matcher m = fontAttribute.matcher(fonts.group(1));
                while (m.find()) {
                    assertThat(m.group(2)).isEqualTo("Times New Roman");
                }
            }
            Matcher c = colour.matcher(part);
            while (c.find()) {
                assertThat(c.group(1)).isEqualTo("000000");
            }
        }
    }

    @Test
    void bodyTextIsJustifiedFourteenPointWithFirstLineIndentAndSpacing() {
        CTStyle body = style(Docx.BODY);
        CTStyle normal = style("Normal");
        long size = body.getRPr() != null && body.getRPr().sizeOfSzArray() > 0
                ? twips(body.getRPr().getSzArray(0).getVal())
                : twips(normal.getRPr().getSzArray(0).getVal());
        assertThat(size / 2.0).as("body size in pt").isBetween(13.0, 14.0);
        CTPPrGeneral pPr = body.getPPr();
        assertThat(pPr.getJc().getVal()).isEqualTo(STJc.BOTH);
        assertThat(twips(pPr.getInd().getFirstLine())).as("first-line indent: 1 cm or 1,27 cm").isIn(567L, 720L);
        long before = pPr.getSpacing().isSetBefore() ? twips(pPr.getSpacing().getBefore()) : 0;
        long after = pPr.getSpacing().isSetAfter() ? twips(pPr.getSpacing().getAfter()) : 0;
        assertThat(Math.max(before, after)).as("space between paragraphs").isGreaterThanOrEqualTo(120);
        assertThat(pPr.getSpacing().getLineRule().toString()).isEqualTo("auto");
        assertThat(twips(pPr.getSpacing().getLine())).as("single to 1.5 lines").isBetween(240L, 360L);

        // The narrative paragraphs use that style and set no size of their own.
        List<XWPFParagraph> bodyParagraphs = DocxReading.bodyParagraphs(doc).stream()
                .filter(p -> Docx.BODY.equals(p.getStyle())).toList();
        assertThat(bodyParagraphs).hasSizeGreaterThan(140);
        for (XWPFParagraph p : bodyParagraphs) {
            assertThat(p.getCTP().getPPr().isSetJc()).isFalse();
            p.getRuns().forEach(r -> assertThat(r.getFontSizeAsDouble()).isNull());
        }
        // Headings: parts and clauses bold, sub-clauses bold italic, points italic.
        assertThat(style("Heading1").getRPr().sizeOfBArray()).isOne();
        assertThat(style("Heading2").getRPr().sizeOfBArray()).isOne();
        assertThat(style("Heading3").getRPr().sizeOfBArray()).isOne();
        assertThat(style("Heading3").getRPr().sizeOfIArray()).isOne();
        assertThat(style("Heading4").getRPr().sizeOfIArray()).isOne();
        assertThat(style("Heading4").getRPr().sizeOfBArray()).isZero();
    }

    @Test
    void theHeaderIsABorderlessTwoColumnTableAtTheTop() {
        IBodyElement first = doc.getBodyElements().get(0);
        assertThat(first).isInstanceOf(XWPFTable.class);
        XWPFTable header = (XWPFTable) first;
        assertNoBorders(header.getCTTbl().getTblPr().getTblBorders());
        assertThat(header.getRow(0).getTableCells()).hasSize(2);

        XWPFTableCell body = header.getRow(0).getCell(0);
        assertThat(body.getParagraphs()).extracting(XWPFParagraph::getText).startsWith("ỦY BAN NHÂN DÂN", "XÃ BÌNH LƯ");
        for (XWPFParagraph line : body.getParagraphs().subList(0, 2)) {
            XWPFRun run = line.getRuns().get(0);
            assertThat(run.isBold()).isTrue();
            assertThat(run.getFontSizeAsDouble()).isBetween(12.0, 13.0);
            assertThat(line.getAlignment().toString()).isEqualTo("CENTER");
        }
        XWPFParagraph bodyRule = body.getParagraphs().get(2);
        assertThat(bodyRule.getText()).isEmpty();
        assertRule(bodyRule, 3600 - 216, TextWidth.twips("ỦY BAN NHÂN DÂN", true, 13) / 3, TextWidth.twips("ỦY BAN NHÂN DÂN", true, 13) / 2);

        XWPFTableCell nation = header.getRow(0).getCell(1);
        XWPFRun nationRun = nation.getParagraphs().get(0).getRuns().get(0);
        assertThat(nationRun.text()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(nationRun.isBold()).isTrue();
        assertThat(nationRun.getFontSizeAsDouble()).isBetween(12.0, 13.0);
        XWPFRun motto = nation.getParagraphs().get(1).getRuns().get(0);
        assertThat(motto.text()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
        assertThat(motto.isBold()).isTrue();
        assertThat(motto.getFontSizeAsDouble()).isBetween(13.0, 14.0);
        int mottoWidth = TextWidth.twips("Độc lập - Tự do - Hạnh phúc", true, 13);
        assertRule(nation.getParagraphs().get(2), Docx.TEXT_WIDTH - 3600 - 216, mottoWidth - 20, mottoWidth + 20);

        // Number and place-date on one row, so they stand level.
        XWPFRun number = header.getRow(1).getCell(0).getParagraphs().get(0).getRuns().get(0);
        assertThat(number.text()).matches("Số: +/BC-UBND");
        assertThat(number.getFontSizeAsDouble()).isEqualTo(13.0);
        XWPFRun date = header.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
        assertThat(date.text()).isEqualTo("Bình Lư, ngày 05 tháng 01 năm 2026");
        assertThat(date.isItalic()).isTrue();
    }

    @Test
    void theTitleIsCentredBoldWithAShortRule() {
        List<XWPFParagraph> paragraphs = DocxReading.bodyParagraphs(doc);
        int at = paragraphs.stream().map(XWPFParagraph::getText).toList().indexOf("BÁO CÁO");
        XWPFParagraph report = paragraphs.get(at);
        XWPFParagraph title = paragraphs.get(at + 1);
        for (XWPFParagraph p : List.of(report, title)) {
            assertThat(p.getAlignment().toString()).isEqualTo("CENTER");
            p.getRuns().forEach(r -> assertThat(r.isBold()).isTrue());
        }
        assertThat(title.getText()).contains("6 tháng đầu năm 2026");
        int line = TextWidth.twips("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026;", true, 14);
        assertRule(paragraphs.get(at + 2), Docx.TEXT_WIDTH, line / 3, line / 2);
    }

    @Test
    void pageNumbersInTheTopMarginFromTheSecondPage() {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        assertThat(sect.isSetTitlePg()).isTrue();
        XWPFHeader firstPage = null;
        XWPFHeader otherPages = null;
        for (var ref : sect.getHeaderReferenceList()) {
            XWPFHeader h = (XWPFHeader) doc.getRelationById(ref.getId());
            if (ref.getType() == STHdrFtr.FIRST) {
                firstPage = h;
            } else if (ref.getType() == STHdrFtr.DEFAULT) {
                otherPages = h;
            }
        }
        assertThat(firstPage).isNotNull();
        assertThat(firstPage.getText()).isBlank();
        assertThat(firstPage._getHdrFtr().xmlText()).doesNotContain("PAGE");
        assertThat(otherPages).isNotNull();
        XWPFParagraph number = otherPages.getParagraphs().get(0);
        assertThat(number.getAlignment().toString()).isEqualTo("CENTER");
        assertThat(number.getCTP().getFldSimpleList()).extracting(f -> f.getInstr().trim()).containsExactly("PAGE");
        assertThat(twips(sect.getPgMar().getHeader())).isLessThan(twips(sect.getPgMar().getTop()));
    }

    @Test
    void recipientsAndSignatureSideBySide() {
        XWPFTable signature = doc.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().startsWith("Nơi nhận:")).findFirst().orElseThrow();
        assertNoBorders(signature.getCTTbl().getTblPr().getTblBorders());
        List<XWPFParagraph> left = signature.getRow(0).getCell(0).getParagraphs();
        XWPFRun label = left.get(0).getRuns().get(0);
        assertThat(label.isBold() && label.isItalic()).isTrue();
        assertThat(label.getFontSizeAsDouble()).isEqualTo(12.0);
        assertThat(left.subList(1, left.size())).allSatisfy(p -> {
            assertThat(p.getText()).startsWith("- ");
            assertThat(p.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(11.0);
        });
        assertThat(left.get(left.size() - 1).getText()).isEqualTo("- Lưu: VT, VP.");
        assertThat(left.subList(1, left.size() - 1)).allMatch(p -> p.getText().endsWith(";"));

        List<XWPFParagraph> right = signature.getRow(0).getCell(1).getParagraphs();
        assertThat(right.get(0).getText()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
        assertThat(right.get(1).getText()).isEqualTo("CHỦ TỊCH");
        assertThat(right.get(right.size() - 1).getText()).isEqualTo("Trần Thanh Tuấn");
        assertThat(right.subList(2, right.size() - 1)).hasSizeGreaterThanOrEqualTo(4).allMatch(p -> p.getText().isEmpty());
        for (XWPFParagraph p : List.of(right.get(0), right.get(1), right.get(right.size() - 1))) {
            assertThat(p.getRuns().get(0).isBold()).isTrue();
            assertThat(p.getAlignment().toString()).isEqualTo("CENTER");
        }
    }

    @Test
    void theAnnexStartsANewPageWithARealTableWhoseHeaderRepeats() {
        List<XWPFParagraph> paragraphs = DocxReading.bodyParagraphs(doc);
        XWPFParagraph title = paragraphs.stream()
                .filter(p -> p.getText().equals("BIỂU THỐNG KÊ SỐ LIỆU BÁO CÁO 6 THÁNG ĐẦU NĂM 2026")).findFirst().orElseThrow();
        assertThat(title.isPageBreak()).isTrue();
        assertThat(title.getAlignment().toString()).isEqualTo("CENTER");
        assertThat(title.getRuns().get(0).isBold()).isTrue();
        XWPFParagraph reference = paragraphs.get(paragraphs.indexOf(title) + 1);
        assertThat(reference.getText()).isEqualTo("(Kèm theo Báo cáo số …/BC-UBND ngày 05/01/2026 của UBND xã Bình Lư)");
        assertThat(reference.getRuns().get(0).isItalic()).isTrue();

        XWPFTable annex = DocxReading.annexTable(doc);
        assertThat(annex.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
                .containsExactly("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu");
        assertThat(annex.getRow(0).isRepeatHeader()).isTrue();
        assertThat(annex.getRow(0).getCtRow().getTrPr().getTblHeaderList()).isNotEmpty();
        CTTblBorders borders = annex.getCTTbl().getTblPr().getTblBorders();
        for (CTBorder side : List.of(borders.getTop(), borders.getBottom(), borders.getLeft(), borders.getRight(),
                borders.getInsideH(), borders.getInsideV())) {
            assertThat(side.getVal()).isEqualTo(STBorder.SINGLE);
        }
        List<Long> grid = annex.getCTTbl().getTblGrid().getGridColList().stream().map(c -> twips(c.getW())).toList();
        assertThat(grid).hasSize(4);
        assertThat(grid.get(0)).isEqualTo(grid.stream().min(Long::compare).orElseThrow());
        assertThat(grid.get(1)).isEqualTo(grid.stream().max(Long::compare).orElseThrow()).isGreaterThan(Docx.TEXT_WIDTH / 2);
        assertThat(grid.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(Docx.TEXT_WIDTH);

        // Section rows (I … VII) bold; others not.
        for (int i = 1; i < annex.getNumberOfRows(); i++) {
            String stt = annex.getRow(i).getCell(0).getText();
            boolean section = stt.matches("[IVX]+");
            XWPFRun run = annex.getRow(i).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(run.isBold()).as("row %s bold", stt).isEqualTo(section);
        }
    }

    private static void assertNoBorders(CTTblBorders borders) {
        for (CTBorder side : List.of(borders.getTop(), borders.getBottom(), borders.getLeft(), borders.getRight(),
                borders.getInsideH(), borders.getInsideV())) {
            assertThat(side.getVal()).isIn(STBorder.NONE, STBorder.NIL);
        }
    }

    /** An empty paragraph whose bottom border is a solid line of a length within [min, max], centred. */
    private static void assertRule(XWPFParagraph rule, int available, int min, int max) {
        CTBorder bottom = rule.getCTP().getPPr().getPBdr().getBottom();
        assertThat(bottom.getVal()).isEqualTo(STBorder.SINGLE);
        int left = rule.getIndentationLeft();
        int right = rule.getIndentationRight();
        assertThat(Math.abs(left - right)).isLessThanOrEqualTo(1);
        assertThat(available - left - right).as("rule length").isBetween(min, max);
    }

    private static CTStyle style(String id) {
        return styles.getStyleList().stream().filter(s -> s.getStyleId().equals(id)).findFirst().orElseThrow();
    }
}
