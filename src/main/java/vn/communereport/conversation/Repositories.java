package vn.communereport.conversation;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConversationStateRepository extends JpaRepository<ConversationState, Long> {
}

interface ProcessedDeliveryRepository extends JpaRepository<ProcessedDelivery, ProcessedDelivery.Key> {

    @Modifying
    @Query("delete from ProcessedDelivery d where d.processedAt < :before")
    int deleteProcessedBefore(@Param("before") Instant before);

    /**
     * Claims a delivery in one statement: 1 when this call claimed it, 0 when it was handled before. A concurrent
     * claim of the same delivery waits on the primary key and then fails on it, as a plain INSERT does.
     */
    @Modifying
    @Query(nativeQuery = true, value = "insert into processed_delivery (channel, delivery_id, processed_at) "
            + "select :channel, :delivery, :at where not exists "
            + "(select 1 from processed_delivery where channel = :channel and delivery_id = :delivery)")
    int claim(@Param("channel") String channel, @Param("delivery") String delivery, @Param("at") Instant at);
}
