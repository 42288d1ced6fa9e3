package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's Documenter writes the module diagrams (PlantUML) into {@code docs/modules}; the README shows
 * the same graph as Mermaid (which GitHub draws) between its {@code modules} markers, and this test fails when that
 * copy is stale. {@code -Dmnemo.docs.update=true} rewrites it.
 */
class ModuleDocumentationTest {
    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- modules:start (written by ModuleDocumentationTest) -->";
    private static final String END = "<!-- modules:end -->";
    private final ApplicationModules modules = ApplicationModules.of(MnemoApplication.class);

    @Test
    void theDiagramsInDocsAndInTheReadmeShowTheModulesAsTheyAre() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        String all = Files.readString(Path.of("docs/modules/components.puml"));
        modules.forEach(module -> assertThat(all).contains(module.getDisplayName()));

        String expected = START + "\n" + mermaid() + END;
        String readme = Files.readString(README);
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertThat(from).as("README.md has the module markers").isNotNegative();
        String current = readme.substring(from, to + END.length());
        if (!current.equals(expected) && Boolean.getBoolean("mnemo.docs.update")) {
            Files.writeString(README, readme.replace(current, expected));
            return;
        }
        assertThat(current).as("README.md's module diagram (./mvnw test -Dtest=ModuleDocumentationTest "
                + "-Dmnemo.docs.update=true rewrites it)").isEqualTo(expected);
    }

    /** Each module and the modules it uses, in a stable order. */
    private String mermaid() {
        List<ApplicationModule> sorted = modules.stream()
                .sorted(Comparator.comparing(m -> m.getIdentifier().toString())).toList();
        StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
        for (ApplicationModule module : sorted) {
            String uses = module.getDirectDependencies(modules).stream()
                    .map(d -> d.getTargetModule().getIdentifier().toString())
                    .distinct().sorted().collect(Collectors.joining(" & "));
            String name = module.getIdentifier().toString();
            out.append("  ").append(name).append(uses.isEmpty() ? "" : " --> " + uses).append('\n');
        }
        return out.append("```\n").toString();
    }
}
