package vn.communereport.web.session;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebSessionRepository extends JpaRepository<WebSession, Long> {

    Optional<WebSession> findByTokenHash(String tokenHash);

    @Modifying
    @Query("delete from WebSession s where s.tokenHash = :tokenHash")
    int deleteByTokenHash(@Param("tokenHash") String tokenHash);

    @Modifying
    @Query("delete from WebSession s where s.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}

interface LoginLinkRepository extends JpaRepository<LoginLink, Long> {

    Optional<LoginLink> findByTokenHash(String tokenHash);

    /** Marks the link used if it is still unused and valid: one UPDATE, so two clicks at once open one session. */
    @Modifying(clearAutomatically = true)
    @Query("update LoginLink l set l.usedAt = :now where l.tokenHash = :tokenHash and l.usedAt is null and l.expiresAt > :now")
    int use(@Param("tokenHash") String tokenHash, @Param("now") Instant now);

    @Modifying
    @Query("delete from LoginLink l where l.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}
