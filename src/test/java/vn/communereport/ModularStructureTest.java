package vn.communereport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** One package per capability, each used only through its public surface, with no cycles between them. */
class ModularStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CommuneReportApplication.class);
    static final Path DIAGRAMS = Path.of("docs/modules");

    @Test
    void capabilitiesDependOnEachOtherOnlyThroughTheirPublicSurface() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramForTheReadme() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        // The documenter lists the relations in a different order from run to run; sorted, the files only change
        // when the structure does.
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, withRelationsSorted(Files.readAllLines(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            }
        }
    }

    static List<String> withRelationsSorted(List<String> lines) {
        List<String> result = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            result.addAll(relations);
            relations.clear();
            result.add(line);
        }
        relations.sort(null);
        result.addAll(relations);
        return result;
    }
}
