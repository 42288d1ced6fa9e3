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
    void theModulesAreExactlyThoseOfTheDesign() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("agent", "backup",
                "channel", "conversation", "cost", "llm", "memory", "privacy", "proactive", "reminder", "routing", "security",
                "system", "terminal", "user", "vault", "web", "mcp");
    }
}
