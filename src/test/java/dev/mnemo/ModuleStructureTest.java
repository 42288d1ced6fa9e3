package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {
    private final ApplicationModules modules = ApplicationModules.of(MnemoApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheDesignIsThere() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("channel", "conversation", "routing", "agent", "llm", "cost", "memory", "reminder", "proactive", "user", "system");
    }
}
