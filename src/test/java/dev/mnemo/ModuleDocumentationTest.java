package dev.mnemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's Documenter writes the module diagrams (PlantUML, relations in a stable order) that are kept in
 * {@code docs/modules}; the README shows the same graph as Mermaid (which GitHub draws) between its {@code modules}
 * markers. The test fails when either copy is stale; {@code -Dmnemo.docs.update=true} rewrites them.
 */
class ModuleDocumentationTest {
    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- modules:start (written by ModuleDocumentationTest) -->";
    private static final String END = "<!-- modules:end -->";
    private static final boolean UPDATE = Boolean.getBoolean("mnemo.docs.update");
    private static final String HOW = "./mvnw test -Dtest=ModuleDocumentationTest -Dmnemo.docs.update=true rewrites it";
    private final ApplicationModules modules = ApplicationModules.of(MnemoApplication.class);

    @Test
    void theDiagramsInDocsAndInTheReadmeShowTheModulesAsTheyAre() throws IOException {
        Path written = Path.of("target/modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Path kept = Path.of("docs/modules");
        Files.createDirectories(kept);
        try (Stream<Path> diagrams = Files.list(written)) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).sorted().toList()) {
                String fresh = stable(Files.readString(diagram));
                Path copy = kept.resolve(diagram.getFileName());
                String old = Files.exists(copy) ? Files.readString(copy) : "";
                if (UPDATE) {
                    Files.writeString(copy, fresh);
                } else {
                    assertThat(old).as(copy + " (" + HOW + ")").isEqualTo(fresh);
                }
            }
        }
        String all = Files.readString(kept.resolve("components.puml"));
        modules.forEach(module -> assertThat(all).contains(module.getDisplayName()));

        String expected = START + "\n" + mermaid() + END;
        String readme = Files.readString(README);
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertThat(from).as("README.md has the module markers").isNotNegative();
        String current = readme.substring(from, to + END.length());
        if (UPDATE) {
            Files.writeString(README, readme.replace(current, expected));
            return;
        }
        assertThat(current).as("README.md's module diagram (" + HOW + ")").isEqualTo(expected);
    }

    /** The Documenter's relations come in no fixed order: each run of them sorted, so a file changes only with the graph. */
    private static String stable(String puml) {
        List<String> lines = puml.lines().toList();
        StringBuilder out = new StringBuilder();
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.stream().sorted().forEach(r -> out.append(r).append('\n'));
            relations.clear();
            out.append(line).append('\n');
        }
        relations.stream().sorted().forEach(r -> out.append(r).append('\n'));
        return out.toString();
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
