package vn.communereport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** One package per capability, each used only through its public surface, with no cycles between them. */
class ModularStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CommuneReportApplication.class);

    @Test
    void capabilitiesDependOnEachOtherOnlyThroughTheirPublicSurface() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramForTheReadme() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
