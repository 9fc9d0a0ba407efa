package vn.communereport.collection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentenceChoiceRepository extends JpaRepository<SentenceChoiceRow, Long> {

    Optional<SentenceChoiceRow> findByPeriodIdAndBlockRef(Long periodId, String blockRef);

    List<SentenceChoiceRow> findByPeriodId(Long periodId);
}
