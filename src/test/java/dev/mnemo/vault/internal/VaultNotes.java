package dev.mnemo.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What every note of the vault must be, checked with parsers nobody here wrote: one YAML front-matter block that
 * commonmark-java's extension finds and SnakeYAML reads, and wikilinks (in the parsed text) that each name an
 * existing note of the vault.
 */
final class VaultNotes {
    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();
    private static final Pattern WIKILINK = Pattern.compile("(?<!\\\\)\\[\\[([^\\]|#^]+)(?:\\|[^\\]]*)?]]");

    private VaultNotes() {
    }

    /** Checks one note; returns its properties. */
    static Map<String, Object> check(String path, String content) {
        assertThat(content.split("\n---\n", -1).length).as(path + ": one front-matter block").isLessThanOrEqualTo(2);
        Node document = MARKDOWN.parse(content);
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        assertThat(frontMatter.getData()).as(path + ": commonmark finds the front matter").isNotEmpty();
        String yaml = content.substring(4, content.indexOf("\n---\n", 3) + 1);
        Object properties = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        assertThat(properties).as(path + ": SnakeYAML reads the properties back").isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) properties;
        return map;
    }

    /** The targets of the note's wikilinks (not those escaped as {@code \\[\\[}, which Obsidian shows as text). */
    static List<String> links(String content) {
        List<String> links = new ArrayList<>();
        int body = content.startsWith("---\n") ? content.indexOf("\n---\n", 3) + 5 : 0;
        Matcher m = WIKILINK.matcher(content.substring(body));
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    /** Every note of the folder at {@code vault/folder} passes {@link #check} and links only to notes that exist. */
    static void checkFolder(Path vault, String folder) throws Exception {
        try (var files = Files.walk(vault.resolve(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String content = Files.readString(file);
                String path = vault.relativize(file).toString();
                String inFolder = vault.resolve(folder).relativize(file).toString();
                if (!VaultView.rendered(inFolder) && !VaultView.isConflict(inFolder)
                        || !inFolder.equals("Inbox.md") && !inFolder.startsWith("Memories/")
                        && !inFolder.startsWith("_Archive/") && !content.startsWith("---\n")) {
                    continue; // a file of the person's own: theirs to shape
                }
                if (!path.endsWith("Inbox.md")) {
                    check(path, content);
                }
                for (String link : links(content)) {
                    assertThat(vault.resolve(link + ".md")).as(path + " links to " + link).isRegularFile();
                }
            }
        }
    }
}
