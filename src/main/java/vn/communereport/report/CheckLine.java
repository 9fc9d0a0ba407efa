package vn.communereport.report;

import java.util.List;

/**
 * One line of the report's checks ("Kiểm tra số liệu"): a rule that does not hold, or a figure far from last period's
 * or outside its plausible range, with the reasons the departments gave for keeping the figures it names
 * ("III.3.1: Tăng do tiếp nhận hồ sơ đất đai").
 */
public record CheckLine(Kind kind, String description, List<String> reasons) {

    public enum Kind { ERROR, WARNING, OUTLIER }

    public CheckLine {
        reasons = List.copyOf(reasons);
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }
}
