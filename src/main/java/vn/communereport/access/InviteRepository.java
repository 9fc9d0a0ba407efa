package vn.communereport.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InviteRepository extends JpaRepository<Invite, Long> {

    Optional<Invite> findByCode(String code);

    List<Invite> findByCommuneCodeAndUsedByIsNullAndExpiresAtAfterOrderByCreatedAtAsc(String communeCode, Instant now);
}
