package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each of a person's memories lives in the vault and who and what it is about: the same memories always
 * give the same layout. A memory note is named by its text and the end of its id ("My sister Ana lives in Porto
 * (9f3c2a1b).md"), so the file tree reads like the memories and two memories never share a name, whatever the case.
 */
final class VaultView {
    static final String MEMORIES = "Memories";
    static final String ARCHIVE = "_Archive";
    static final String PEOPLE = "People";
    static final String TOPICS = "Topics";
    static final String DAILY = "Daily";
    static final String CONFLICTS = "Conflicts";
    static final String INDEX = "Index.md";
    static final String INBOX = "Inbox.md";
    private static final int TITLE_CHARS = 60;
    private static final Pattern END_MARKS = Pattern.compile("[.!?…]+$");
    private static final Pattern ID_SUFFIX = Pattern.compile(" \\(([0-9A-Za-z-]{8,})\\)( \\d+)?\\.md$");
    private static final List<String> RENDERED_FOLDERS = List.of(MEMORIES, ARCHIVE, PEOPLE, TOPICS, DAILY);

    final Map<String, Memory> active = new LinkedHashMap<>();
    final Map<String, Memory> pruned = new LinkedHashMap<>();
    final Map<String, String> paths = new HashMap<>();
    final Map<String, Set<String>> peopleOf = new HashMap<>();
    final Map<String, Set<String>> topicsOf = new HashMap<>();
    /** Person note title → the active memories naming them, in id order. */
    final TreeMap<String, List<Memory>> people = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final TreeMap<String, List<Memory>> topics = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> personPaths;
    private final Map<String, String> topicPaths;

    VaultView(List<Memory> activeMemories, List<Memory> prunedMemories) {
        this(activeMemories, prunedMemories, new SubjectCache());
    }

    VaultView(List<Memory> activeMemories, List<Memory> prunedMemories, SubjectCache cache) {
        List<Memory> all = new ArrayList<>(activeMemories);
        all.addAll(prunedMemories);
        all.sort((a, b) -> a.id().compareTo(b.id()));
        activeMemories.stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(m -> active.put(m.id(), m));
        prunedMemories.stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(m -> pruned.put(m.id(), m));
        Set<String> taken = new HashSet<>();
        for (Memory m : all) {
            String folder = active.containsKey(m.id()) ? MEMORIES : ARCHIVE;
            String name = null;
            for (int suffix = 8; name == null || taken.contains(NoteNames.key(folder + "/" + name)); suffix += 4) {
                name = cache.name(m, " (" + m.id().substring(Math.max(0, m.id().length() - suffix)) + ")");
                if (suffix >= m.id().length()) {
                    break;
                }
            }
            taken.add(NoteNames.key(folder + "/" + name));
            paths.put(m.id(), folder + "/" + name + ".md");
        }
        for (Memory m : active.values()) {
            SubjectCache.Found found = cache.of(m);
            Set<String> names = found.people();
            Set<String> subjects = found.topics();
            peopleOf.put(m.id(), names);
            topicsOf.put(m.id(), subjects);
            names.forEach(p -> people.computeIfAbsent(p, k -> new ArrayList<>()).add(m));
            subjects.forEach(t -> topics.computeIfAbsent(t, k -> new ArrayList<>()).add(m));
        }
        personPaths = pathsOf(PEOPLE, people.navigableKeySet());
        topicPaths = pathsOf(TOPICS, topics.navigableKeySet());
        cache.done();
    }

    /** The notes of the people and topics a memory is about. */
    Set<String> subjectPathsOf(String memoryId) {
        Set<String> paths = new HashSet<>();
        peopleOf(memoryId).forEach(p -> paths.add(personPath(p)));
        topicsOf(memoryId).forEach(t -> paths.add(topicPath(t)));
        return paths;
    }

    /** True when both give every person and topic the same note. */
    boolean sameSubjectPaths(VaultView other) {
        return personPaths.equals(other.personPaths) && topicPaths.equals(other.topicPaths);
    }

    Set<String> peopleOf(String memoryId) {
        return peopleOf.getOrDefault(memoryId, Collections.emptySet());
    }

    Set<String> topicsOf(String memoryId) {
        return topicsOf.getOrDefault(memoryId, Collections.emptySet());
    }

    /** A person's note, whatever the case the name is written in (the first spelling, in id order, names it). */
    String personPath(String name) {
        return personPaths.get(people.ceilingKey(name));
    }

    String topicPath(String name) {
        return topicPaths.get(topics.ceilingKey(name));
    }

    /** One path per title, unique regardless of case even where two titles become the same safe name. */
    private static Map<String, String> pathsOf(String folder, Set<String> titles) {
        Map<String, String> paths = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (String title : titles) {
            String name = NoteNames.of(title, "");
            for (int n = 2; taken.contains(NoteNames.key(name)); n++) {
                name = NoteNames.of(title, " " + n);
            }
            taken.add(NoteNames.key(name));
            paths.put(title, folder + "/" + name + ".md");
        }
        return paths;
    }

    static String title(String text) {
        String t = END_MARKS.matcher(text.strip()).replaceAll("");
        if (t.codePointCount(0, t.length()) <= TITLE_CHARS) {
            return t;
        }
        String cut = t.substring(0, t.offsetByCodePoints(0, TITLE_CHARS));
        int space = cut.lastIndexOf(' ');
        return (space > TITLE_CHARS / 2 ? cut.substring(0, space) : cut) + "…";
    }

    static boolean isConflict(String path) {
        return path.startsWith(CONFLICTS + "/");
    }

    static boolean isMemoryNote(String path) {
        return path.startsWith(MEMORIES + "/") && path.endsWith(".md");
    }

    /**
     * True for the paths Mnemo writes from the memories alone, and writes again whenever it likes: the person's edits
     * there are read back first. Conflict notes and any file of the person's own are not among them.
     */
    static boolean rendered(String path) {
        return path.equals(INDEX) || path.equals(INBOX)
                || RENDERED_FOLDERS.stream().anyMatch(folder -> path.startsWith(folder + "/"));
    }

    /** A path as a log may show it: the folder and the end of the memory's id, not the words of its name. */
    static String shortName(String path) {
        Matcher id = ID_SUFFIX.matcher(path);
        int slash = path.indexOf('/');
        return (slash < 0 ? "" : path.substring(0, slash + 1)) + "…" + (id.find() ? " (" + id.group(1) + ")" : "");
    }
}
