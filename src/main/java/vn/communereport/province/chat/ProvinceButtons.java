package vn.communereport.province.chat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.messaging.Outbound.Button;

/**
 * The province's buttons: "pv|act|report|period|commune", made and read only here. What comes back is forgeable text:
 * anything not of exactly this shape is refused before a use case sees it (whether the report, period and commune are
 * the administrator's is checked after).
 */
final class ProvinceButtons {

    /** What a button asks for. */
    enum Act {
        /** the report chosen, for the command in {@code period} ("p", "s" or "t") */
        REPORT("r"),
        PROGRESS("p"),
        SUMMARY("s"),
        RATES("t"),
        REMIND("m");

        final String code;

        Act(String code) {
            this.code = code;
        }

        static Optional<Act> of(String code) {
            for (Act act : values()) {
                if (act.code.equals(code)) {
                    return Optional.of(act);
                }
            }
            return Optional.empty();
        }
    }

    record Press(Act act, String report, String period, String commune) {
    }

    static final String PREFIX = "pv";
    private static final int MAX_BYTES = 64;
    private static final Pattern SHAPE = Pattern.compile(
            "pv\\|([a-z])\\|([a-z0-9-]{1,20})(?:\\|(\\d{4}-(?:M(?:0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)|[pst]))?(?:\\|([a-z0-9-]{1,20}))?");

    private ProvinceButtons() {
    }

    static Button button(String label, Act act, String report, String period, String commune) {
        StringBuilder data = new StringBuilder(PREFIX).append('|').append(act.code).append('|').append(report);
        if (period != null) {
            data.append('|').append(period);
        }
        if (commune != null) {
            data.append('|').append(commune);
        }
        if (data.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("button data over " + MAX_BYTES + " bytes: " + data);
        }
        return new Button(label, data.toString());
    }

    static Optional<Press> read(String data) {
        if (data == null || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Act> act = Act.of(m.group(1));
        if (act.isEmpty()) {
            return Optional.empty();
        }
        Press press = new Press(act.get(), m.group(2), m.group(3), m.group(4));
        boolean shaped = switch (press.act()) {
            case REPORT -> press.period() != null && press.period().matches("[pst]") && press.commune() == null;
            case RATES -> press.period() == null && press.commune() == null;
            case PROGRESS, SUMMARY -> isPeriod(press.period()) && press.commune() == null;
            case REMIND -> isPeriod(press.period()) && press.commune() != null;
        };
        return shaped ? Optional.of(press) : Optional.empty();
    }

    private static boolean isPeriod(String text) {
        return text != null && text.length() > 1;
    }
}
