package vn.communereport.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MemberIdentityRepository extends JpaRepository<MemberIdentity, Long> {

    List<MemberIdentity> findByChannelAndUserRefOrderByIdAsc(String channel, String userRef);

    /** A person's identities on a channel, each with its member, in one statement: [MemberIdentity, Member] rows. */
    @Query("select i, m from MemberIdentity i, Member m where m.id = i.memberId and i.channel = :channel and i.userRef = :userRef order by i.id")
    List<Object[]> findWithMembers(@Param("channel") String channel, @Param("userRef") String userRef);

    Optional<MemberIdentity> findByMemberIdAndChannel(long memberId, String channel);

    List<MemberIdentity> findByChannelAndAddress(String channel, String address);
}
