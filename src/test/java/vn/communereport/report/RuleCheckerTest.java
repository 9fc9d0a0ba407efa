package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.Rule;

class RuleCheckerTest {

    private static final Ownership OWN = SeedFixture.OWNERSHIP;

    /** What the definition's rules catch in the seed's own table (README section 9: #1, #7 and #8). */
    @Test
    void theRulesCatchTheSeedsInconsistencies() {
        List<RuleFinding> findings = SeedFixture.seedData(null).findings();
        assertThat(findings).extracting(f -> f.rule().id())
                .containsExactly("hs-dung-han-le-giai-quyet", "nguoi-lv-co-mat-le-giao", "dvsn-truc-thuoc-bang-tong");
        RuleFinding onTime = findings.get(0);
        assertThat(onTime.rule().severity()).isEqualTo(Rule.Severity.ERROR);
        assertThat(onTime.left()).isEqualByComparingTo("2677");
        assertThat(onTime.right()).isEqualByComparingTo("2647");
        assertThat(onTime.description())
                .startsWith("Số hồ sơ TTHC giải quyết trước và đúng hạn (III.3.2.2)")
                .endsWith("(III.3.2.2 = 2.677; III.3.2.1 = 2.647)");
        assertThat(findings.get(1).isError()).isFalse();
        assertThat(findings.get(2).description()).endsWith("(IV.1.2 = 10; VI.2.1 = 11)");
    }

    @Test
    void aRuleNamingARowWithoutValueIsNotEvaluated() {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        // III.2.2 is blank in the seed (skipped): make the rule on it fail if it were evaluated anyway.
        answers.put(OWN.rowQuestion("III.1.4").id(), AnswerValue.ofNumber(BigDecimal.ZERO));
        answers.remove(OWN.rowQuestion("III.3.2.2").id()); // not answered yet
        List<String> fired = RuleChecker.check(SeedFixture.REPORT.rules(), Figures.of(OWN, answers)).stream()
                .map(f -> f.rule().id()).toList();
        assertThat(fired).doesNotContain("tthc-lt-cac-cap-le-tong", "hs-dung-han-le-giai-quyet")
                .contains("tthc-lt-cung-cap-le-tong", "tthc-phi-dia-gioi-le-tong");
    }

    @Test
    void sumsWithSeveralTermsAreChecked() {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        answers.put(OWN.rowQuestion("I.5.3").id(), AnswerValue.ofNumber(BigDecimal.valueOf(11)));
        RuleFinding finding = RuleChecker.check(SeedFixture.REPORT.rules(), Figures.of(OWN, answers)).stream()
                .filter(f -> f.rule().id().equals("nv-tinh-giao-cac-loai")).findFirst().orElseThrow();
        assertThat(finding.left()).isEqualByComparingTo("79");
        assertThat(finding.description()).endsWith("(I.5.2 + I.5.3 + I.5.4 = 79; I.5.1 = 78)");
    }

    @Test
    void rowsAndRatesBelongToTheirDepartments() {
        assertThat(OWN.rowOwner("III.3.1")).isEqualTo("trung-tam-hcc");
        assertThat(OWN.rowOwner("VII.3")).as("both parts from Văn phòng").isEqualTo("van-phong");
        assertThat(OWN.rowOwner("I.2")).isEqualTo("van-hoa-xa-hoi");
        assertThat(OWN.rowOwner("I")).isNull();
        Rule crossDepartment = rule("dvsn-truc-thuoc-bang-tong");
        assertThat(OWN.ruleOwner(crossDepartment)).isNull();
        assertThat(OWN.ruleOwner(rule("dvsn-tu-chu-cong-bang-tong"))).isEqualTo("kinh-te");
    }

    @Test
    void anAnswerIsCheckedAgainstTheRulesOfItsOwnDepartmentOnly() {
        Question onTime = OWN.rowQuestion("III.3.2.2");
        Map<String, AnswerValue> hcc = departmentAnswers("trung-tam-hcc");
        List<RuleFinding> broken = RuleChecker.checkAnswer(OWN, hcc, onTime, new BigDecimal("2677"));
        assertThat(broken).extracting(f -> f.rule().id()).containsExactly("hs-dung-han-le-giai-quyet");
        assertThat(RuleChecker.checkAnswer(OWN, hcc, onTime, new BigDecimal("2647"))).isEmpty();

        // VI.2.1 = 12: the sum rule inside Kinh tế fires; the warning against IV.1.2 (Văn hóa - Xã hội) waits for compile.
        Question dvsn = OWN.rowQuestion("VI.2.1");
        List<RuleFinding> kinhTe = RuleChecker.checkAnswer(OWN, departmentAnswers("kinh-te"), dvsn, new BigDecimal("12"));
        assertThat(kinhTe).extracting(f -> f.rule().id()).containsExactly("dvsn-tu-chu-cong-bang-tong");

        // A rule that does not involve the answered row is not reported again.
        Map<String, AnswerValue> vh = departmentAnswers("van-hoa-xa-hoi");
        vh.put(OWN.rowQuestion("IV.3.2").id(), AnswerValue.ofNumber(new BigDecimal("380")));
        assertThat(RuleChecker.checkAnswer(OWN, vh, OWN.rowQuestion("I.2.2"), new BigDecimal("45"))).isEmpty();
        assertThat(RuleChecker.checkAnswer(OWN, vh, OWN.rowQuestion("I.2.2"), new BigDecimal("80")))
                .extracting(f -> f.rule().id()).containsExactly("nv-ht-le-nv-ke-hoach");
        // Skipping leaves the rule unevaluated; a narrative is never checked.
        assertThat(RuleChecker.checkAnswer(OWN, hcc, onTime, null)).isEmpty();
        assertThat(RuleChecker.checkAnswer(OWN, hcc, OWN.blockQuestion("II.2.2"), BigDecimal.ONE)).isEmpty();
    }

    /**
     * Checking an answer reads only the rows its rules need; whatever the figure and the value, it finds exactly
     * what evaluating the department's rules over the whole table finds.
     */
    @Test
    void checkingOneAnswerFindsWhatTheWholeTableWouldShow() {
        int checked = 0;
        int found = 0;
        for (var flow : SeedFixture.REPORT.flowsByDepartment().values()) {
            Map<String, AnswerValue> own = departmentAnswers(flow.departmentCode());
            for (Question question : flow.questions()) {
                if (question.fills().kind() != vn.communereport.definition.Slot.Kind.TABLE_ROW) {
                    continue;
                }
                for (String value : List.of("0", "1", "45", "99.5", "380", "2677", "100000")) {
                    BigDecimal number = new BigDecimal(value);
                    Map<String, AnswerValue> whole = new HashMap<>(own);
                    whole.put(question.id(), AnswerValue.ofNumber(number));
                    Figures figures = Figures.of(OWN, whole);
                    List<String> expected = SeedFixture.REPORT.rules().stream()
                            .filter(rule -> flow.departmentCode().equals(OWN.ruleOwner(rule)))
                            .filter(rule -> rule.rowCodes().stream()
                                    .anyMatch(code -> OWN.figureRowsBehind(code).contains(question.fills().ref())))
                            .flatMap(rule -> RuleChecker.evaluate(rule, figures).stream())
                            .map(f -> f.rule().id() + " " + f.left() + " " + f.right()).sorted().toList();
                    List<String> actual = RuleChecker.checkAnswer(OWN, own, question, number).stream()
                            .map(f -> f.rule().id() + " " + f.left() + " " + f.right()).sorted().toList();
                    assertThat(actual).as("%s = %s", question.fills().ref(), value).isEqualTo(expected);
                    checked++;
                    found += expected.size();
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(found).as("the comparison saw rules fire").isGreaterThan(20);
    }

    private static Map<String, AnswerValue> departmentAnswers(String department) {
        Map<String, AnswerValue> own = new HashMap<>();
        SeedFixture.seedAnswers().forEach((id, value) -> {
            if (SeedFixture.REPORT.question(id).orElseThrow().departmentCode().equals(department)) {
                own.put(id, value);
            }
        });
        return own;
    }

    private static Rule rule(String id) {
        return SeedFixture.REPORT.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
