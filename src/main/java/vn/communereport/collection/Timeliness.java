package vn.communereport.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each department's on-time record over a commune's last periods of a report: in how many of them it handed its part
 * in by the period's deadline. A period counts once it is due (its deadline passed, or it was closed); one still
 * before its deadline judges nobody yet. A part is judged by the first time it counted as in: handed in, or, where its
 * head's approval was asked, approved (a part returned by the head was not in); so a part the office reopened after the
 * deadline for a correction stays on time. A period without a deadline counts a part in at all as on time.
 */
@Service
public class Timeliness {

    /** One department's record: on time in {@code onTime} of the {@code due} periods looked at. */
    public record Record(String departmentCode, int onTime, int due) {
    }

    /** How many due periods the office's screens look back over. */
    public static final int LAST_PERIODS = 4;

    private final PeriodRepository periods;
    private final HandInRepository handIns;
    private final SubmissionRepository submissions;
    private final Clock clock;

    Timeliness(PeriodRepository periods, HandInRepository handIns, SubmissionRepository submissions, Clock clock) {
        this.submissions = submissions;
        this.periods = periods;
        this.handIns = handIns;
        this.clock = clock;
    }

    /** The records of these departments over the commune's last {@code count} due periods of the report, by department. */
    @Transactional(readOnly = true)
    public Map<String, Record> lastPeriods(String communeCode, String reportCode, Collection<String> departments, int count) {
        Instant now = clock.instant();
        List<ReportingPeriod> due = periods.findByCommuneCodeInAndReportCodeOrderByStartsOnDesc(List.of(communeCode), reportCode)
                .stream().filter(p -> !p.isOpen() || p.getDeadline() != null && now.isAfter(p.getDeadline()))
                .limit(count).toList();
        Map<String, Instant> first = firstIn(due);
        Map<String, Record> records = new LinkedHashMap<>();
        for (String department : departments) {
            int onTime = 0;
            for (ReportingPeriod period : due) {
                Instant handedIn = first.get(period.getId() + "|" + department);
                if (handedIn != null && (period.getDeadline() == null || !handedIn.isAfter(period.getDeadline()))) {
                    onTime++;
                }
            }
            records.put(department, new Record(department, onTime, due.size()));
        }
        return records;
    }

    /** When each part (period id|department) first counted as in, walking its hand-ins and what became of each. */
    private Map<String, Instant> firstIn(List<ReportingPeriod> due) {
        Map<String, Instant> first = new HashMap<>();
        if (due.isEmpty()) {
            return first;
        }
        List<Long> ids = due.stream().map(ReportingPeriod::getId).toList();
        Map<String, Instant> handedIn = new HashMap<>(); // the hand-in not yet approved, returned or reopened
        for (Object[] row : handIns.partEvents(ids)) {
            String part = row[0] + "|" + row[1];
            Instant at = (Instant) row[3];
            switch ((String) row[2]) {
                case "SUBMITTED" -> handedIn.put(part, at);
                case "APPROVED" -> {
                    handedIn.remove(part);
                    first.putIfAbsent(part, at);
                }
                case "RETURNED" -> handedIn.remove(part); // the head sent it back: it never counted as in
                default -> { // REOPENED by the office: a part handed in without approval had counted as in
                    Instant was = handedIn.remove(part);
                    if (was != null) {
                        first.putIfAbsent(part, was);
                    }
                }
            }
        }
        for (Long id : ids) {
            for (Submission s : submissions.findByPeriodId(id)) {
                String part = id + "|" + s.getDepartmentCode();
                if (s.isIn() && handedIn.containsKey(part)) {
                    first.putIfAbsent(part, handedIn.get(part)); // in as handed in: no approval was asked
                }
            }
        }
        return first;
    }
}
