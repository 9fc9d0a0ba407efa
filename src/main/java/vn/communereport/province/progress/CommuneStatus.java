package vn.communereport.province.progress;

import java.time.Instant;
import java.util.List;

import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.CommuneDefinition;

/**
 * Where one commune stands with a report's period: its departments' parts, handed in or not, on time or late against
 * the deadline the commune's office set for the period.
 *
 * @param period null when the commune never opened the period
 */
public record CommuneStatus(CommuneDefinition commune, ReportingPeriod period, List<Part> parts, Instant now) {

    /** One department's part; {@code submittedAt} is null while it is not handed in. */
    public record Part(String departmentCode, String departmentName, Instant submittedAt) {

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    public enum State {
        /** The commune has not opened the period. */
        NOT_OPENED,
        /** Parts still missing, the deadline not passed (or none set). */
        IN_PROGRESS,
        /** Parts still missing after the deadline. */
        OVERDUE,
        /** Every part in by the deadline. */
        COMPLETE_ON_TIME,
        /** Every part in, some after the deadline. */
        COMPLETE_LATE
    }

    public CommuneStatus {
        parts = List.copyOf(parts);
    }

    public Instant deadline() {
        return period == null ? null : period.getDeadline();
    }

    public int submitted() {
        return (int) parts.stream().filter(Part::submitted).count();
    }

    public int expected() {
        return parts.size();
    }

    /** Parts handed in by the deadline (every handed-in part when the period has none). */
    public int onTime() {
        return (int) parts.stream().filter(p -> p.submitted() && onTime(p.submittedAt())).count();
    }

    public boolean complete() {
        return period != null && !parts.isEmpty() && submitted() == expected();
    }

    public State state() {
        if (period == null) {
            return State.NOT_OPENED;
        }
        if (complete()) {
            return onTime() == expected() ? State.COMPLETE_ON_TIME : State.COMPLETE_LATE;
        }
        return deadline() != null && now.isAfter(deadline()) ? State.OVERDUE : State.IN_PROGRESS;
    }

    /** The departments whose part is still missing, by name. */
    public List<String> missing() {
        return parts.stream().filter(p -> !p.submitted()).map(Part::departmentName).toList();
    }

    private boolean onTime(Instant at) {
        return deadline() == null || !at.isAfter(deadline());
    }
}
