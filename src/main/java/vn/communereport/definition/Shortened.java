package vn.communereport.definition;

/** Long answers cut to a preview that fits a line on a phone. */
public final class Shortened {

    public static final int PREVIEW = 160;

    private Shortened() {
    }

    public static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1).trim() + "…";
    }
}
