package vn.communereport.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * The page and the styles of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), and small helpers
 * to write paragraphs, runs and tables in it. Lengths are in twips (1/20 pt; 1 mm ≈ 56.7).
 */
final class Docx {

    static final int PAGE_WIDTH = 11906;   // A4 210 mm
    static final int PAGE_HEIGHT = 16838;  // A4 297 mm
    static final int MARGIN_TOP = 1134;    // 20 mm
    static final int MARGIN_BOTTOM = 1134; // 20 mm
    static final int MARGIN_LEFT = 1701;   // 30 mm
    static final int MARGIN_RIGHT = 851;   // 15 mm
    static final int HEADER_DISTANCE = 567; // 10 mm: the page number sits in the top margin
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    static final int CELL_MARGIN = 108;
    static final int FIRST_LINE_INDENT = 567; // 1 cm
    static final String FONT = "Times New Roman";
    /** Height of a rule paragraph: the rule is drawn this far below the line above it. */
    static final double RULE_GAP_PT = 5;

    static final String BODY = "BodyText";
    static final String TABLE_TEXT = "TableText";
    static final String[] HEADINGS = {"Heading1", "Heading2", "Heading3", "Heading4"};

    /** Parsed once; every document gets its own copy. */
    private static final CTStyles STYLES = parseStyles();

    private Docx() {
    }

    private static CTStyles parseStyles() {
        String font = "<w:rFonts w:ascii=\"" + FONT + "\" w:hAnsi=\"" + FONT + "\" w:eastAsia=\"" + FONT + "\" w:cs=\"" + FONT + "\"/>";
        String xml = """
                <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:docDefaults>
                    <w:rPrDefault><w:rPr>%s<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/>
                      <w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
                    <w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
                  </w:docDefaults>
                  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
                    <w:rPr>%s<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
                  <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
                  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>
                    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
                    <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
                  <w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:spacing w:before="0" w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>
                    <w:pPr><w:keepNext/><w:spacing w:before="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>
                    <w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>
                    <w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>
                    <w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>
                    <w:pPr><w:jc w:val="center"/></w:pPr></w:style>
                </w:styles>
                """.formatted(font, font);
        try {
            return StylesDocument.Factory.parse(xml).getStyles();
        } catch (XmlException e) {
            throw new IllegalStateException("report styles do not parse", e);
        }
    }

    /** A new A4 portrait document with the styles, the margins and page numbers from the second page on. */
    static XWPFDocument newDocument() {
        XWPFDocument doc = new XWPFDocument();
        doc.createStyles().setStyles((CTStyles) STYLES.copy());
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(HEADER_DISTANCE));
        margins.setFooter(BigInteger.valueOf(HEADER_DISTANCE));
        margins.setGutter(BigInteger.ZERO);

        // No number on the first page: titlePg and an empty first-page header.
        XWPFHeader first = doc.createHeader(HeaderFooterType.FIRST);
        if (first.getParagraphs().isEmpty()) {
            first.createParagraph();
        }
        XWPFHeader other = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph number = other.getParagraphs().isEmpty() ? other.createParagraph() : other.getParagraphArray(0);
        number.setStyle("Header");
        number.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField page = number.getCTP().addNewFldSimple();
        page.setInstr(" PAGE ");
        page.addNewR().addNewT().setStringValue("2");
        return doc;
    }

    static byte[] bytes(XWPFDocument doc) {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ paragraphs and runs

    static XWPFParagraph paragraph(XWPFDocument doc, String style) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        return p;
    }

    /** A centred paragraph without indent, as used in the header blocks and titles. */
    static XWPFParagraph centred(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    static XWPFRun run(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        r.setText(text);
        return r;
    }

    static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, double sizePt) {
        XWPFRun r = p.createRun();
        r.setText(text);
        if (bold) {
            r.setBold(true);
        }
        if (italic) {
            r.setItalic(true);
        }
        if (sizePt > 0) {
            r.setFontSize(sizePt);
        }
        return r;
    }

    /** A highlighted marker for something not there yet. */
    static XWPFRun marker(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setTextHighlightColor("yellow");
        return r;
    }

    static void spacing(XWPFParagraph p, int beforeTwips, int afterTwips) {
        p.setSpacingBefore(beforeTwips);
        p.setSpacingAfter(afterTwips);
    }

    /**
     * Turns an empty paragraph into a horizontal rule of the given length, centred in the given width: a bottom
     * border on a paragraph indented from both sides, a few points below the line above.
     */
    static void rule(XWPFParagraph p, int availableWidth, int ruleWidth) {
        int indent = Math.max(0, (availableWidth - ruleWidth) / 2);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        p.setIndentationFirstLine(0);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(RULE_GAP_PT, LineSpacingRule.EXACT);
        CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = pPr.isSetPBdr() ? pPr.getPBdr() : pPr.addNewPBdr();
        CTBorder bottom = borders.addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(6));
        bottom.setSpace(BigInteger.ZERO);
        bottom.setColor("000000");
    }

    static void boxed(XWPFParagraph p) {
        CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = pPr.isSetPBdr() ? pPr.getPBdr() : pPr.addNewPBdr();
        for (CTBorder side : new CTBorder[] {borders.addNewTop(), borders.addNewLeft(), borders.addNewBottom(), borders.addNewRight()}) {
            side.setVal(STBorder.SINGLE);
            side.setSz(BigInteger.valueOf(6));
            side.setSpace(BigInteger.valueOf(2));
            side.setColor("000000");
        }
    }

    // ------------------------------------------------------------------ tables

    /** A fixed-layout table with the given column widths; borderless unless bordered. */
    static XWPFTable table(XWPFDocument doc, int[] widths, boolean bordered) {
        XWPFTable table = doc.createTable(1, widths.length);
        CTTbl tbl = table.getCTTbl();
        CTTblPr pr = tbl.getTblPr() == null ? tbl.addNewTblPr() : tbl.getTblPr();
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(total));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        CTTblGrid grid = tbl.getTblGrid() == null ? tbl.addNewTblGrid() : tbl.getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        if (bordered) {
            table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
            table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
            table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
            table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
            table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
            table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        } else {
            table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        }
        widths(table.getRow(0).getTableCells(), widths);
        return table;
    }

    static void widths(java.util.List<XWPFTableCell> cells, int[] widths) {
        for (int i = 0; i < cells.size() && i < widths.length; i++) {
            CTTcPr pr = cells.get(i).getCTTc().isSetTcPr() ? cells.get(i).getCTTc().getTcPr() : cells.get(i).getCTTc().addNewTcPr();
            CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(widths[i]));
        }
    }

    /** The first (empty) paragraph of a cell, then new ones. */
    static XWPFParagraph cellParagraph(XWPFTableCell cell) {
        XWPFParagraph first = cell.getParagraphs().get(0);
        if (first.getRuns().isEmpty() && first.getCTP().sizeOfRArray() == 0 && !first.getCTP().isSetPPr()) {
            return first;
        }
        return cell.addParagraph();
    }
}
