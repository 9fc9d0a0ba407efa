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
}
