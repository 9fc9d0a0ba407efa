package vn.communereport.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.definition.DefinitionException;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Definitions;
import vn.communereport.province.definition.ProvinceDefinition;
import vn.communereport.province.definition.ProvinceReader;
import vn.communereport.province.definition.Provinces;

/** The province files: read, checked against the communes, and every mistake named with its file, entry and problem. */
class ProvinceReaderTest {

    static final Definitions SHIPPED = DefinitionFiles.load(Path.of("conversations"));

    @TempDir
    Path dir;

    @Test
    void theShippedProvinceLoadsAndNamesNobodyYet() {
        List<ProvinceDefinition> provinces = ProvinceReader.read(Path.of("conversations"), SHIPPED.communes().values());
        assertThat(provinces).extracting(ProvinceDefinition::name).containsExactly("Lai Châu");
        assertThat(provinces.get(0).adminTelegramIds()).isEmpty();
        assertThat(provinces.get(0).authority()).isEqualTo("Sở Nội vụ tỉnh Lai Châu");
    }

    @Test
    void anAdministratorIsRecognisedOnTelegramOnlyAndSeesTheCommunesOfTheirProvince() throws IOException {
        write("lai-chau", "code: lai-chau\nname: Lai Châu\nauthority: Sở Nội vụ\nadmin_telegram_ids: [123456789, 42]\n");
        Provinces provinces = new Provinces(SHIPPED, ProvinceReader.read(dir, SHIPPED.communes().values()));
        ProvinceDefinition laiChau = provinces.administeredBy("telegram", "42").orElseThrow();
        assertThat(provinces.administeredBy("web", "42")).isEmpty();
        assertThat(provinces.administeredBy("telegram", "43")).isEmpty();
        assertThat(provinces.communes(laiChau)).extracting(c -> c.code()).contains("binh-lu");
        assertThat(provinces.reports(laiChau)).extracting(r -> r.code()).contains("cchc");
    }

    @Test
    void mistakesNameTheFileTheEntryAndTheProblem() throws IOException {
        assertProblem("code: lai-chau\nname: Lai Chau\nauthority: Sở\nadmin_telegram_ids: []\n", "name",
                "không xã nào có «province: Lai Chau»");
        assertProblem("code: lai-chau\nname: Lai Châu\nauthority: Sở\nadmin_telegram_ids: [12ab]\n", "admin_telegram_ids",
                "Telegram id «12ab» không hợp lệ");
        assertProblem("code: lai-chau\nname: Lai Châu\nadmin_telegram_ids: []\n", "authority", "thiếu trường «authority»");
        assertProblem("code: lai-chau\nname: Lai Châu\nauthority: Sở\nadmin_telegram_ids: 5\n", "admin_telegram_ids",
                "phải là một danh sách");
        assertProblem("code: lai-chau\nname: Lai Châu\nauthority: Sở\nadmins: [5]\nadmin_telegram_ids: []\n", "admins",
                "trường «admins» không dùng ở đây");
        assertProblem("code: dien-bien\nname: Lai Châu\nauthority: Sở\nadmin_telegram_ids: []\n", "code", "phải trùng tên tệp");
        assertProblem("code: lai-chau\nname: [Lai Châu\n", null, "YAML không hợp lệ");
    }

    @Test
    void onePersonAdministersOneProvince() throws IOException {
        write("lai-chau", "code: lai-chau\nname: Lai Châu\nauthority: Sở\nadmin_telegram_ids: [7]\n");
        write("lai-chau-2", "code: lai-chau-2\nname: Lai Châu\nauthority: Sở\nadmin_telegram_ids: [8]\n");
        assertThatThrownBy(() -> ProvinceReader.read(dir, SHIPPED.communes().values())).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("đã có ở một tệp khác");
    }

    private void assertProblem(String yaml, String entry, String problem) throws IOException {
        Path file = write("lai-chau", yaml);
        assertThatThrownBy(() -> ProvinceReader.read(dir, SHIPPED.communes().values()))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.entry()).isEqualTo(entry);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private Path write(String code, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("provinces"));
        return Files.writeString(dir.resolve("provinces/" + code + ".yaml"), yaml, StandardCharsets.UTF_8);
    }
}
