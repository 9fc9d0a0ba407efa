package vn.communereport.conversation;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationStateRepository extends JpaRepository<ConversationState, Long> {
}

interface ProcessedDeliveryRepository extends JpaRepository<ProcessedDelivery, ProcessedDelivery.Key> {
}
