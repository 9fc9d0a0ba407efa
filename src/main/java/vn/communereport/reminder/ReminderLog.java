package vn.communereport.reminder;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.springframework.data.jpa.repository.JpaRepository;

/** A reminder that went to one person for one slot of one period. */
@Entity
class ReminderLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long periodId;
    private String slotKey;
    private long memberId;
    private Instant sentAt;

    protected ReminderLog() {
    }

    ReminderLog(Long periodId, String slotKey, long memberId, Instant sentAt) {
        this.periodId = periodId;
        this.slotKey = slotKey;
        this.memberId = memberId;
        this.sentAt = sentAt;
    }
}

interface ReminderLogRepository extends JpaRepository<ReminderLog, Long> {

    boolean existsByPeriodIdAndSlotKeyAndMemberId(Long periodId, String slotKey, long memberId);

    long countByPeriodIdAndSlotKey(Long periodId, String slotKey);
}
