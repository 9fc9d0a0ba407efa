package vn.communereport.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, Long> {

    Optional<Member> findByCommuneCodeAndChannelUserId(String communeCode, long channelUserId);

    List<Member> findByCommuneCodeAndDepartmentCodeAndActiveTrue(String communeCode, String departmentCode);

    List<Member> findByCommuneCodeAndOfficeAdminTrueAndActiveTrue(String communeCode);

    List<Member> findByChatId(long chatId);

    List<Member> findByCommuneCodeAndActiveTrueOrderByDepartmentCodeAscDisplayNameAsc(String communeCode);
}
