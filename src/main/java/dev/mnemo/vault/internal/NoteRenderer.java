package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.system.Hashes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns memories into the vault's markdown: one note per memory (the only place its text is), and the notes that
 * link to it — a person's, a topic's, a day's, the index. Nothing in a note depends on when it is written, so the
 * same memories and log always give the same bytes.
 */
final class NoteRenderer {
    static final String INBOX_HEADER = """
            # Inbox

            Write something for Mnemo to remember, one thing per line, below this paragraph. At the next sync each line \
            becomes a memory, as if you had said it, and this note is emptied.

            """;
    private static final int RECENT_DAYS = 10;

    /** The Inbox holding these lines below its explanation. */
    static String inbox(List<String> lines) {
        return INBOX_HEADER + (lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_IN_TAG = Pattern.compile("[^\\p{L}\\p{N}_/-]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern LEADING_MARK = Pattern.compile("[#>*+=-]|\\d+[.)]\\s");

    private final String folder;
    private final ZoneId zone;
    private final Map<String, String> memoryLinks = new HashMap<>();

    NoteRenderer(String folder, ZoneId zone) {
        this.folder = folder;
        this.zone = zone;
    }

    /** The hash of what a person can change in a memory's note: text, kind, importance, tags. */
    static String contentHash(String text, String kind, int importance, List<String> tags) {
        return Hashes.sha256Hex(oneLine(text) + "\n" + kind + "\n" + importance + "\n" + String.join(",", tags));
    }

    static String contentHash(Memory m) {
        return contentHash(m.text(), m.kind().name().toLowerCase(Locale.ROOT), m.importance(), obsidianTags(m.tags()));
    }

    String memoryNote(VaultView view, Memory m, List<MemoryVersion> history) {
        boolean archived = view.pruned.containsKey(m.id());
        List<String> tags = new ArrayList<>();
        tags.add("mnemo/" + m.kind().name().toLowerCase(Locale.ROOT));
        tags.addAll(obsidianTags(m.tags()));
        Frontmatter properties = new Frontmatter()
                .text("mnemo_id", m.id())
                .text("kind", m.kind().name().toLowerCase(Locale.ROOT))
                .plain("importance", m.importance())
                .plain("strength", String.format(Locale.ROOT, "%.1f", m.strength()))
                .list("tags", tags)
                // Obsidian finds and links the note by its words, without the end of the id its file name carries.
                .list("aliases", List.of(oneLine(VaultView.title(m.text()))))
                .plain("created", day(m.createdAt()))
                .plain("updated", day(m.updatedAt()))
                .plain("valid_from", day(m.updatedAt()))
                .text("status", archived ? "pruned" : null)
                .list("sources", m.sources().stream().sorted().toList())
                .text("hash", contentHash(m));
        StringBuilder note = new StringBuilder(properties.end()).append(escaped(oneLine(m.text()))).append("\n");
        if (!history.isEmpty()) {
            note.append("\n## Before\n");
            for (MemoryVersion v : history) {
                note.append("- ~~").append(inline(v.text())).append("~~ ").append(day(v.validFrom())).append(" to ")
                        .append(day(v.validTo())).append(", ").append(v.reason().name().toLowerCase(Locale.ROOT))
                        .append('\n');
            }
        }
        if (archived) {
            note.append("\nSet aside: out of recall, and deleted for good 30 days after it was set aside. To keep it, move "
                    + "this note back into the Memories folder.\n");
        } else {
            note.append("\n## Links\n");
            Set<String> people = view.peopleOf(m.id());
            if (!people.isEmpty()) {
                note.append("- People: ").append(people.stream().map(p -> link(view.personPath(p), view.people.ceilingKey(p)))
                        .collect(Collectors.joining(", "))).append('\n');
            }
            note.append("- Topics: ").append(view.topicsOf(m.id()).stream()
                    .map(t -> link(view.topicPath(t), view.topics.ceilingKey(t))).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return note.toString();
    }

    /** The whole folder, by path: every memory's note, the linking notes and an empty Inbox. */
    Map<String, String> all(VaultView view, Map<String, List<MemoryVersion>> histories, List<LoggedChange> log) {
        Map<String, String> notes = new TreeMap<>(linkingNotes(view, log));
        for (Map<String, Memory> memories : List.of(view.active, view.pruned)) {
            memories.values().forEach(m -> notes.put(view.paths.get(m.id()),
                    memoryNote(view, m, histories.getOrDefault(m.id(), List.of()))));
        }
        notes.put(VaultView.INBOX, INBOX_HEADER);
        return notes;
    }

    /** Every note that is not a memory's: people, topics, days and the index, by path in the Mnemo folder. */
    Map<String, String> linkingNotes(VaultView view, List<LoggedChange> log) {
        return linkingNotes(view, log, path -> true);
    }

    /** The linking notes whose paths {@code render} takes. */
    Map<String, String> linkingNotes(VaultView view, List<LoggedChange> log, Predicate<String> render) {
        Map<String, String> notes = new TreeMap<>();
        view.people.forEach((name, memories) -> {
            if (render.test(view.personPath(name))) {
                notes.put(view.personPath(name),
                        subjectNote("mnemo/person", name, "What Mnemo knows about " + name, view, memories, true));
            }
        });
        view.topics.forEach((name, memories) -> {
            if (render.test(view.topicPath(name))) {
                notes.put(view.topicPath(name), subjectNote("mnemo/topic", name,
                        "Memories about " + name.toLowerCase(Locale.ROOT), view, memories, false));
            }
        });
        Map<LocalDate, List<LoggedChange>> days = days(log);
        days.forEach((day, changes) -> {
            if (render.test(dailyPath(day))) {
                notes.put(dailyPath(day), dailyNote(view, day, changes));
            }
        });
        notes.put(VaultView.INDEX, index(view, days));
        return notes;
    }

    /** The paths of every linking note. */
    Set<String> linkingPaths(VaultView view, List<LoggedChange> log) {
        Set<String> paths = new TreeSet<>();
        view.people.keySet().forEach(name -> paths.add(view.personPath(name)));
        view.topics.keySet().forEach(name -> paths.add(view.topicPath(name)));
        days(log).keySet().forEach(day -> paths.add(dailyPath(day)));
        paths.add(VaultView.INDEX);
        return paths;
    }

    /** The day a change was made, in the person's time zone. */
    LocalDate dayOf(LoggedChange change) {
        return LocalDate.ofInstant(change.at(), zone);
    }

    private Map<LocalDate, List<LoggedChange>> days(List<LoggedChange> log) {
        Map<LocalDate, List<LoggedChange>> days = new TreeMap<>();
        log.forEach(c -> days.computeIfAbsent(dayOf(c), d -> new ArrayList<>()).add(c));
        return days;
    }

    static String dailyPath(LocalDate day) {
        return VaultView.DAILY + "/" + day + ".md";
    }

    private String subjectNote(String tag, String name, String heading, VaultView view, List<Memory> memories,
                               boolean person) {
        StringBuilder note = new StringBuilder(new Frontmatter().list("tags", List.of(tag)).end());
        note.append("# ").append(inline(name)).append("\n\n").append(inline(heading)).append(":\n");
        memories.forEach(m -> note.append("- ").append(memoryLink(view, m)).append('\n'));
        Set<String> related = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        memories.forEach(m -> related.addAll(person ? view.topicsOf(m.id()) : view.peopleOf(m.id())));
        if (!related.isEmpty()) {
            note.append("\n").append(person ? "Topics" : "People").append(": ").append(related.stream()
                    .map(r -> person ? link(view.topicPath(r), view.topics.ceilingKey(r))
                            : link(view.personPath(r), view.people.ceilingKey(r)))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return note.toString();
    }

    private String dailyNote(VaultView view, LocalDate day, List<LoggedChange> changes) {
        StringBuilder note = new StringBuilder(new Frontmatter().list("tags", List.of("mnemo/daily"))
                .plain("date", day).end());
        note.append("# ").append(day).append("\n\n");
        for (LoggedChange c : changes) {
            note.append("- ").append(c.change().label);
            Memory m = c.memoryId() == null ? null : view.active.getOrDefault(c.memoryId(), view.pruned.get(c.memoryId()));
            if (m != null) {
                note.append(": ").append(memoryLink(view, m));
            } else if (c.memoryId() == null) {
                note.append(": ").append(c.count()).append(c.count() == 1 ? " memory" : " memories");
            } else {
                note.append(": a memory that is no longer kept");
            }
            note.append('\n');
        }
        return note.toString();
    }

    private String index(VaultView view, Map<LocalDate, List<LoggedChange>> days) {
        StringBuilder note = new StringBuilder(new Frontmatter().list("tags", List.of("mnemo/index")).end());
        note.append("# Mnemo\n\n")
                .append("- ").append(view.active.size()).append(view.active.size() == 1 ? " memory" : " memories")
                .append(", ").append(view.pruned.size()).append(" set aside (in ").append(VaultView.ARCHIVE).append(")\n")
                .append("- ").append(view.people.size()).append(view.people.size() == 1 ? " person, " : " people, ")
                .append(view.topics.size()).append(view.topics.size() == 1 ? " topic\n" : " topics\n")
                .append("- Tell Mnemo something: write it in ").append(link(VaultView.INBOX, "Inbox")).append('\n');
        if (!view.people.isEmpty()) {
            note.append("\n## People\n").append(view.people.keySet().stream().map(p -> link(view.personPath(p), p))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!view.topics.isEmpty()) {
            note.append("\n## Topics\n").append(view.topics.keySet().stream().map(t -> link(view.topicPath(t), t))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!days.isEmpty()) {
            note.append("\n## Recent changes\n");
            List<LocalDate> recent = new ArrayList<>(days.keySet()).reversed();
            for (LocalDate day : recent.subList(0, Math.min(RECENT_DAYS, recent.size()))) {
                Map<Change, Integer> counts = new EnumMap<>(Change.class);
                days.get(day).forEach(c -> counts.merge(c.change(), c.memoryId() == null ? c.count() : 1, Integer::sum));
                note.append("- ").append(link(dailyPath(day), day.toString())).append(": ")
                        .append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label.toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))).append('\n');
            }
        }
        return note.toString();
    }

    private String memoryLink(VaultView view, Memory m) {
        // The same memory is linked from its people, its topics and its days: rendered once.
        return memoryLinks.computeIfAbsent(m.id(), id -> link(view.paths.get(id), VaultView.title(m.text())));
    }

    /** A wikilink by the note's full path in the vault, so it resolves whatever else the vault holds. */
    String link(String path, String label) {
        String target = folder + "/" + (path.endsWith(".md") ? path.substring(0, path.length() - 3) : path);
        return "[[" + target + "|" + inline(label).replace("|", "/").replace("[", "(").replace("]", ")") + "]]";
    }

    /** Text on one line with no markdown of its own taking effect inside a list item. */
    private static String inline(String text) {
        return oneLine(text).replace("~~", "~").replace("[[", "\\[\\[");
    }

    /**
     * A memory's text as a paragraph of its own: "[[" does not become a link to a note that does not exist, and a
     * leading "#", "-" or ">" does not make it a heading, a list or a quote. {@link #unescaped} reverses it.
     */
    static String oneLine(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ");
    }

    static String escaped(String text) {
        String out = text.replace("[[", "\\[\\[");
        return LEADING_MARK.matcher(out).lookingAt() ? "\\" + out : out;
    }

    static String unescaped(String text) {
        String out = text.replace("\\[\\[", "[[");
        return out.startsWith("\\") && LEADING_MARK.matcher(out.substring(1)).lookingAt() ? out.substring(1) : out;
    }

    private LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }

    /** Tags as Obsidian takes them: no spaces or punctuation but {@code _-/}, never only digits. */
    static List<String> obsidianTags(List<String> tags) {
        return tags.stream().map(t -> EDGE_DASHES.matcher(NOT_IN_TAG.matcher(t.strip()).replaceAll("-")).replaceAll(""))
                .filter(t -> !t.isEmpty()).map(t -> t.chars().allMatch(Character::isDigit) ? "t" + t : t)
                .distinct().sorted().toList();
    }
}
