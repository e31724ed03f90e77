package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(RapportApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedApi() {
        modules.verify();
    }

    @Test
    void theModulesAreTheOnesDesignMdNames() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "customers", "activities", "platform");
        new Documenter(modules).writeModulesAsPlantUml();
    }
}
