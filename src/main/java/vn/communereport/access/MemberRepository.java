package vn.communereport.access;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, Long> {

    List<Member> findByCommuneCodeAndDepartmentCodeAndActiveTrue(String communeCode, String departmentCode);

    List<Member> findByCommuneCodeAndOfficeAdminTrueAndActiveTrue(String communeCode);

    List<Member> findByCommuneCodeAndActiveTrueOrderByDepartmentCodeAscDisplayNameAsc(String communeCode);
}
