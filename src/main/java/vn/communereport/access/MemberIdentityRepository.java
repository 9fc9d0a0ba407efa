package vn.communereport.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberIdentityRepository extends JpaRepository<MemberIdentity, Long> {

    List<MemberIdentity> findByChannelAndUserRefOrderByIdAsc(String channel, String userRef);

    Optional<MemberIdentity> findByMemberIdAndChannel(long memberId, String channel);

    List<MemberIdentity> findByChannelAndAddress(String channel, String address);
}
