package vn.communereport.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reads a written DOCX back with POI, the way a test wants to look at it. */
final class DocxReading {

    private DocxReading() {
    }

    static XWPFDocument open(byte[] content) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Body paragraphs (outside tables), in order. */
    static List<XWPFParagraph> bodyParagraphs(XWPFDocument doc) {
        List<XWPFParagraph> paragraphs = new ArrayList<>();
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                paragraphs.add(p);
            }
        }
        return paragraphs;
    }

    /** The statistics table: the one whose first cell reads "STT". */
    static XWPFTable annexTable(XWPFDocument doc) {
        return doc.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
                .findFirst().orElseThrow();
    }

    /** The annex table's data rows as [stt, label, unit, value]. */
    static List<String[]> annexRows(XWPFDocument doc) {
        XWPFTable table = annexTable(doc);
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < table.getNumberOfRows(); i++) {
            XWPFTableRow row = table.getRow(i);
            rows.add(new String[] {row.getCell(0).getText(), row.getCell(1).getText(), row.getCell(2).getText(), row.getCell(3).getText()});
        }
        return rows;
    }

    static String text(XWPFDocument doc) {
        StringBuilder all = new StringBuilder();
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                all.append(p.getText()).append('\n');
            } else if (element instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (org.apache.poi.xwpf.usermodel.XWPFTableCell cell : row.getTableCells()) {
                        cell.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
                    }
                }
            }
        }
        return all.toString();
    }
}
