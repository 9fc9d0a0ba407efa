package vn.communereport.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers written the Vietnamese way: "2.654", "99,7", "13,33". */
public final class VietnameseNumbers {

    public static final java.util.Locale LOCALE = java.util.Locale.forLanguageTag("vi-VN");

    private VietnameseNumbers() {
    }

    public static String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0, RoundingMode.UNNECESSARY);
        }
        String text = plain.abs().toPlainString();
        int dot = text.indexOf('.');
        String integer = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(integer.charAt(i));
        }
        String sign = plain.signum() < 0 ? "-" : "";
        return sign + grouped + (fraction.isEmpty() ? "" : "," + fraction);
    }
}
