package vn.communereport.collection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One occurrence of a report for a commune (e.g. the first half of 2026); answers and submissions belong to it. */
@Entity
public class ReportingPeriod {

    public enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String communeCode;
    private String reportCode;
    private String periodKey;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Instant deadline;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant openedAt;
    private Instant allInNotifiedAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected ReportingPeriod() {
    }

    ReportingPeriod(String communeCode, String reportCode, PeriodKey key, Instant openedAt) {
        this.communeCode = communeCode;
        this.reportCode = reportCode;
        this.periodKey = key.key();
        this.startsOn = key.startsOn();
        this.endsOn = key.endsOn();
        this.status = Status.OPEN;
        this.openedAt = openedAt;
    }

    public Long getId() {
        return id;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public String getReportCode() {
        return reportCode;
    }

    public PeriodKey key() {
        return PeriodKey.parse(periodKey);
    }

    public Instant getDeadline() {
        return deadline;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public java.time.LocalDate getStartsOn() {
        return startsOn;
    }

    void reopenWithDeadline(Instant deadline) {
        this.status = Status.OPEN;
        this.deadline = deadline;
    }

    void close() {
        this.status = Status.CLOSED;
    }

    public Instant getAllInNotifiedAt() {
        return allInNotifiedAt;
    }
}
