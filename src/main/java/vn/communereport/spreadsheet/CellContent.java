package vn.communereport.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

import vn.communereport.definition.Question;

/**
 * What a filled cell holds, as Excel or LibreOffice stored it: a text ("2.654", "99,7", "Có"), a number (a value
 * pasted or typed into a cell someone turned numeric), a date, or a truth value. {@link #typed} writes it as the
 * text the question's type reads, so every cell goes through the same reading as a typed message.
 */
record CellContent(String text, BigDecimal number, LocalDate date, Boolean truth) {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The cell's content, or null when it is empty. A formula counts by the value it last computed. */
    static CellContent of(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING -> {
                String text = cell.getStringCellValue();
                return text == null || text.isBlank() ? null : new CellContent(text, null, null, null);
            }
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                if (!Double.isFinite(value)) {
                    return null;
                }
                LocalDate date = DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)
                        ? cell.getLocalDateTimeCellValue().toLocalDate() : null;
                return new CellContent(null, BigDecimal.valueOf(value), date, null);
            }
            case BOOLEAN -> {
                return new CellContent(null, null, null, cell.getBooleanCellValue());
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * As the person would have typed it. A number is written with a comma for its decimals ("2,654" is two and a
     * bit, never 2654), a date day first (in a number's cell, the number Excel keeps for it), a truth value as 1 or 0.
     */
    String typed(Question question) {
        if (text != null) {
            return text;
        }
        if (date != null && !question.type().numeric()) {
            return DAY_FIRST.format(date);
        }
        if (truth != null) {
            return truth ? "1" : "0";
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        return plain.toPlainString().replace('.', ',');
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CellContent[%s%s%s%s]", text == null ? "" : text, number == null ? "" : number,
                date == null ? "" : date, truth == null ? "" : truth);
    }
}
