package vn.communereport.spreadsheet;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface HeldSpreadsheetRepository extends JpaRepository<HeldSpreadsheet, Long> {

    List<HeldSpreadsheet> findByMemberId(long memberId);
}
