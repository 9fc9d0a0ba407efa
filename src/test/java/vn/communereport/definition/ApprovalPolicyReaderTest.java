package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** report.yaml's {@code approval} and {@code reminders: escalate}: the shipped reports, defaults, and refused values. */
class ApprovalPolicyReaderTest {

    static final Path FILE = Path.of("reports/x/report.yaml");

    static ApprovalPolicy read(Map<String, Object> doc) {
        return ApprovalPolicyReader.read(new YamlNode(FILE, null, doc));
    }

    @Test
    void bothShippedReportsAskTheHeadAndEscalate() {
        Definitions definitions = DefinitionFiles.load(Path.of("conversations"));
        for (String code : new String[] {"cchc", "cchc-nam"}) {
            ApprovalPolicy policy = definitions.report(code).orElseThrow().approval();
            assertThat(policy.byHead()).as(code).isTrue();
            assertThat(policy.headApprovesOwn()).as(code).isFalse();
            assertThat(policy.escalation()).isEqualTo(new ApprovalPolicy.Escalation(2, 4));
        }
    }

    @Test
    void withoutTheFieldsNothingIsAskedAndNothingEscalates() {
        assertThat(read(Map.of("code", "x"))).isEqualTo(ApprovalPolicy.none());
        assertThat(read(Map.of("approval", Map.of("by", "head", "own_part", "approved"))).headApprovesOwn()).isTrue();
        assertThat(read(Map.of("reminders", Map.of("escalate", Map.of("office_after_working_days", 3)))).escalation())
                .isEqualTo(new ApprovalPolicy.Escalation(null, 3));
    }

    @Test
    void mistakesAreNamedInVietnamese() {
        assertThatThrownBy(() -> read(Map.of("approval", Map.of("by", "chief"))))
                .isInstanceOf(DefinitionException.class).hasMessageContaining("approval").hasMessageContaining("«chief»");
        assertThatThrownBy(() -> read(Map.of("approval", Map.of("by", "head", "own_part", "yes"))))
                .hasMessageContaining("own_part").hasMessageContaining("«yes»");
        assertThatThrownBy(() -> read(Map.of("approval", Map.of("by", "head", "who", "x"))))
                .isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> read(Map.of("reminders", Map.of("escalate", Map.of("head_after_working_days", 0)))))
                .hasMessageContaining("head_after_working_days").hasMessageContaining("từ 1 đến 30");
        assertThatThrownBy(() -> read(Map.of("reminders", Map.of("escalate",
                Map.of("head_after_working_days", 4, "office_after_working_days", 2)))))
                .hasMessageContaining("phải sau nhắc trưởng phòng");
    }
}
