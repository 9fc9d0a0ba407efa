package vn.communereport.report;

import java.text.Normalizer;

/**
 * Estimates how wide a line of Times New Roman is, from the Adobe Times metrics (Times New Roman and Liberation
 * Serif share them). Vietnamese marks do not change a letter's advance, so they are dropped first. Used to size
 * the short rules under the header lines.
 */
final class TextWidth {

    // Advance widths in 1/1000 em for ' ' (32) … 'z' (122).
    private static final int[] REGULAR = {
            250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
            500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
            921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
            556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
            333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
            500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444};
    private static final int[] BOLD = {
            250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
            500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
            930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
            611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
            333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
            556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444};

    private TextWidth() {
    }

    /** Width in twips (1/20 pt) of one line of text at the given size. */
    static int twips(String text, boolean bold, double sizePt) {
        String base = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        int[] widths = bold ? BOLD : REGULAR;
        long units = 0;
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            units += c >= 32 && c <= 122 ? widths[c - 32] : 500;
        }
        return (int) Math.round(units * sizePt * 20 / 1000.0);
    }
}
