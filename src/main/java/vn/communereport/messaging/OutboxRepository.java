package vn.communereport.messaging;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    @Query("select m.id from OutboxMessage m where m.sentAt is null and (m.claimedUntil is null or m.claimedUntil < :now) order by m.id")
    List<Long> pendingIds(@Param("now") Instant now, Pageable page);

    /** Takes a message for this sender unless another took it first. */
    @Modifying
    @Query("update OutboxMessage m set m.claimedBy = :sender, m.claimedUntil = :until where m.id = :id and m.sentAt is null and (m.claimedUntil is null or m.claimedUntil < :now)")
    int claim(@Param("id") Long id, @Param("sender") String sender, @Param("until") Instant until, @Param("now") Instant now);

    long countBySentAtIsNull();
}
