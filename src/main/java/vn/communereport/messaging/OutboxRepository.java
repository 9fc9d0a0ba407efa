package vn.communereport.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /**
     * The messages a sender may take now, oldest first: free (never claimed, lease run out, retry time passed) and
     * first in their recipient's line, with nothing of that recipient being sent by anyone right now.
     */
    @Query("""
            select m.id from OutboxMessage m
            where m.sentAt is null and (m.claimedUntil is null or m.claimedUntil < :now)
              and not exists (select e.id from OutboxMessage e
                              where e.recipientKey = m.recipientKey and e.sentAt is null
                                and (e.id < m.id or (e.claimedBy is not null and e.claimedUntil >= :now)))
            order by m.id""")
    List<Long> dueHeads(@Param("now") Instant now, Pageable page);

    /** Takes a message for this sender unless another took it first. */
    @Modifying
    @Query("update OutboxMessage m set m.claimedBy = :sender, m.claimedUntil = :until where m.id = :id and m.sentAt is null and (m.claimedUntil is null or m.claimedUntil < :now)")
    int claim(@Param("id") Long id, @Param("sender") String sender, @Param("until") Instant until, @Param("now") Instant now);

    /** Back to waiting, for anyone, from {@code notBefore} (null: at once); only what this sender still holds. */
    @Modifying
    @Query("update OutboxMessage m set m.claimedBy = null, m.claimedUntil = :notBefore where m.id in :ids and m.sentAt is null and m.claimedBy = :sender")
    int release(@Param("ids") Collection<Long> ids, @Param("sender") String sender, @Param("notBefore") Instant notBefore);

    /** Frees what senders named like {@code pattern} (an SQL LIKE pattern, escaped with '!'), other than {@code me}, hold. */
    @Modifying
    @Query("update OutboxMessage m set m.claimedBy = null, m.claimedUntil = null where m.sentAt is null and m.claimedBy like :pattern escape '!' and m.claimedBy <> :me")
    int releaseOthers(@Param("pattern") String pattern, @Param("me") String me);

    @Query("select m.topic from OutboxMessage m where m.sentChannel = :channel and m.sentRef = :ref order by m.id desc")
    List<String> topicsOf(@Param("channel") String channel, @Param("ref") String ref, Pageable page);

    long countBySentAtIsNull();
}
