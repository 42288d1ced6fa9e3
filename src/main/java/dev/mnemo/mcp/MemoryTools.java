package dev.mnemo.mcp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryBrowsing;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.PortableMemoryLines;
import dev.mnemo.memory.RecalledMemory;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.system.Ids;
import dev.mnemo.user.UserSettings;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The memory tools, each through the port the chat and the web app use: the read path (with dates and ids), the
 * write path (merge, correction or new — it says which), a page at a time, one memory with its sources, its history,
 * an edit, and a forget in two steps (the first call lists and gives a confirmation id, the second deletes what was
 * listed, unless it changed since). The confirmation is this server's own: it never touches the chat's pending
 * {@code /forget}.
 */
class MemoryTools {
    static final int MAX_TEXT = 2000;
    static final int MAX_QUERY = 500;
    static final Duration CONFIRM_WITHIN = Duration.ofMinutes(10);
    static final List<String> KINDS = List.of("fact", "preference", "person", "event", "plan");
    private static final Pattern CONFIRMATION = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KIND_SCHEMA = "{\"type\": \"string\", \"enum\": [\"fact\", \"preference\", \"person\", \"event\", \"plan\"]}";

    private final MemoryRecall recall;
    private final MemoryIntake intake;
    private final MemoryControl control;
    private final MemoryBrowsing browsing;
    private final UserSettings settings;
    private final Clock clock;
    /** Forget requests listed and not yet confirmed: confirmation id → whose, which memories as they were listed. */
    private final Cache<String, PendingForget> pending;

    MemoryTools(MemoryRecall recall, MemoryIntake intake, MemoryControl control, MemoryBrowsing browsing,
                UserSettings settings, Clock clock) {
        this.recall = recall;
        this.intake = intake;
        this.control = control;
        this.browsing = browsing;
        this.settings = settings;
        this.clock = clock;
        this.pending = Caffeine.newBuilder().ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(CONFIRM_WITHIN).maximumSize(10_000).build();
    }

    /** @param listed each memory's id and what it said (text, kind, importance, tags) when listed */
    record PendingForget(String userId, Map<String, String> listed) {
    }

    /** What a person saw of a memory: a change to any of it means they have not seen what would be deleted. */
    private static String seen(Memory m) {
        return m.text() + "\u0000" + m.kind() + "\u0000" + m.importance() + "\u0000" + String.join(",", m.tags());
    }

    /** A memory as the tools show it. */
    record MemoryView(String id, String text, String kind, int importance, List<String> tags, Instant saidAt,
                      Instant updatedAt, double strength, boolean pruned) {
        static MemoryView of(Memory m, boolean pruned) {
            return new MemoryView(m.id(), m.text(), lower(m.kind()), m.importance(), m.tags(), m.createdAt(),
                    m.updatedAt(), Math.round(m.strength() * 1000) / 1000.0, pruned);
        }
    }

    record Found(String id, String text, String kind, Instant saidAt, Instant replacedAt, double score) {
    }

    List<SyncToolSpecification> all(ToolCalls calls) {
        return List.of(
                calls.tool("search_memories", "Search the person's memories through Mnemo's read path (meaning and"
                        + " keywords, current facts first). Each result has its id, when it was said (saidAt) and, for a"
                        + " fact since replaced, when (replacedAt). Times in the query (\"last weekend\") are read in the"
                        + " person's time zone.", """
                        {"type": "object", "properties": {
                          "query": {"type": "string", "minLength": 1, "maxLength": %d},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 25, "description": "default 10"},
                          %s}, "required": ["query"]}""".formatted(MAX_QUERY, ToolCalls.USER_ID), this::search),
                calls.tool("remember", "Remember something about the person, through the normal write path: it"
                        + " merges with what is known already, replaces a fact it corrects (keeping the old version in the"
                        + " history), or is added; the answer's action says which (ADDED, MERGED, CORRECTED).", """
                        {"type": "object", "properties": {
                          "text": {"type": "string", "minLength": 1, "maxLength": %d},
                          "saidAt": {"type": "string", "description": "when it was said, ISO-8601 (2026-03-14T18:00:00Z); default now"},
                          %s}, "required": ["text"]}""".formatted(MAX_TEXT, ToolCalls.USER_ID), this::remember),
                calls.tool("list_memories", "A page of the person's memories: newest, strongest or most important"
                        + " first, filtered by kind, tag, a person named, or pruned ones instead of active.", """
                        {"type": "object", "properties": {
                          "sort": {"type": "string", "enum": ["newest", "strongest", "important"]},
                          "kind": %s,
                          "tag": {"type": "string", "maxLength": 60},
                          "person": {"type": "string", "maxLength": 60},
                          "pruned": {"type": "boolean"},
                          "offset": {"type": "integer", "minimum": 0, "maximum": 1000000},
                          "limit": {"type": "integer", "minimum": 1, "maximum": %d, "description": "default 25"},
                          %s}}""".formatted(KIND_SCHEMA, MemoryBrowsing.MAX_PAGE, ToolCalls.USER_ID), this::list),
                calls.tool("get_memory", "One memory by id, with the messages it came from.", idSchema(), this::get),
                calls.tool("memory_history", "A memory's earlier versions, newest first: each with when it was"
                        + " believed (validFrom, validTo) and why it was replaced (corrected, edited, merged…).",
                        idSchema(), this::history),
                calls.tool("edit_memory", "Correct a memory: any of text, kind, importance (1-10), tags. The"
                        + " previous version goes into its history.", """
                        {"type": "object", "properties": {
                          "id": {"type": "string", "pattern": "^[0-9a-f-]{36}$"},
                          "text": {"type": "string", "minLength": 1, "maxLength": %d},
                          "kind": %s,
                          "importance": {"type": "integer", "minimum": 1, "maximum": 10},
                          "tags": {"type": "array", "maxItems": 20, "items": {"type": "string", "minLength": 1, "maxLength": 60}},
                          %s}, "required": ["id"]}""".formatted(MAX_TEXT, KIND_SCHEMA, ToolCalls.USER_ID), this::edit),
                calls.tool("forget", "Delete memories for good, in two steps, as the chat's /forget: call it with"
                        + " a query (words, or a memory id) to list what would be deleted and get a confirmationId; call"
                        + " it again with only that confirmationId (within 10 minutes) to delete them, their history and"
                        + " the messages they came from. A memory changed since it was listed is kept.", """
                        {"type": "object", "properties": {
                          "query": {"type": "string", "minLength": 1, "maxLength": %d},
                          "confirmationId": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
                          %s}}""".formatted(MAX_QUERY, ToolCalls.USER_ID), this::forget));
    }

    private static String idSchema() {
        return """
                {"type": "object", "properties": {
                  "id": {"type": "string", "pattern": "^[0-9a-f-]{36}$"},
                  %s}, "required": ["id"]}""".formatted(ToolCalls.USER_ID);
    }

    record Results(List<Found> memories) {
    }

    private Object search(String user, ToolArguments args) {
        String query = args.text("query", MAX_QUERY);
        List<RecalledMemory> found = recall.recall(user, query, settings.timeZone(user), args.integer("limit", 1, 25, 10));
        return new Results(found.stream().map(r -> new Found(r.memory().id(), r.memory().text(), lower(r.memory().kind()),
                r.memory().createdAt(), r.replacedAt(), Math.round(r.score() * 1000) / 1000.0)).toList());
    }

    record Remembered(String action, MemoryView memory) {
    }

    private Object remember(String user, ToolArguments args) {
        String text = args.text("text", MAX_TEXT);
        String said = args.optionalText("saidAt", 40);
        // As an import reads it: ISO-8601, from 1900 to a day ahead of now.
        Instant saidAt = said == null ? null : PortableMemoryLines.time(said, "saidAt", clock.instant());
        WriteOutcome outcome = intake.remember(user, text, null, saidAt);
        return new Remembered(outcome.action().name(), MemoryView.of(outcome.memory(), false));
    }

    record Page(List<MemoryView> memories, int offset, boolean more) {
    }

    private Object list(String user, ToolArguments args) {
        String sort = args.choice("sort", List.of("newest", "strongest", "important"));
        String kind = args.choice("kind", KINDS);
        boolean pruned = args.flag("pruned");
        MemoryBrowsing.Sort order = sort == null || sort.equals("newest") ? MemoryBrowsing.Sort.NEWEST
                : sort.equals("strongest") ? MemoryBrowsing.Sort.STRONGEST : MemoryBrowsing.Sort.IMPORTANT;
        MemoryBrowsing.Page page = browsing.page(user, new MemoryBrowsing.Query(pruned,
                Optional.ofNullable(kind).map(MemoryTools::kind), args.optionalText("tag", 60),
                args.optionalText("person", 60), order, args.integer("offset", 0, 1_000_000, 0),
                args.integer("limit", 1, MemoryBrowsing.MAX_PAGE, 25)));
        return new Page(page.memories().stream().map(m -> MemoryView.of(m, pruned)).toList(), page.offset(), page.more());
    }

    record Detail(MemoryView memory, List<MemoryBrowsing.Source> sources) {
    }

    private Object get(String user, ToolArguments args) {
        String id = id(args);
        Optional<Memory> active = control.get(user, id);
        Memory m = active.or(() -> control.getPruned(user, id)).orElseThrow(() -> new ToolArguments.Invalid("no such memory: " + id));
        return new Detail(MemoryView.of(m, active.isEmpty()), browsing.sources(user, id));
    }

    record Version(String text, String kind, int importance, Instant validFrom, Instant validTo, String reason) {
        static Version of(MemoryVersion v) {
            return new Version(v.text(), lower(v.kind()), v.importance(), v.validFrom(), v.validTo(), lower(v.reason()));
        }
    }

    record History(String id, List<Version> versions) {
    }

    private Object history(String user, ToolArguments args) {
        String id = id(args);
        return new History(id, control.history(user, id).orElseThrow(() -> new ToolArguments.Invalid("no such memory: " + id))
                .stream().map(Version::of).toList());
    }

    private Object edit(String user, ToolArguments args) {
        String id = id(args);
        String text = args.optionalText("text", MAX_TEXT);
        String kind = args.choice("kind", KINDS);
        Integer importance = args.optionalInteger("importance", 1, 10);
        List<String> tags = args.optionalStrings("tags", 20, 60);
        if (text == null && kind == null && importance == null && tags == null) {
            throw new ToolArguments.Invalid("say what to change: text, kind, importance or tags");
        }
        List<String> lowerTags = tags == null ? null : tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
        Memory edited = control.edit(user, id, text, kind == null ? null : kind(kind), importance, lowerTags)
                .orElseThrow(() -> new ToolArguments.Invalid("no such active memory: " + id + " (a pruned one must be restored first)"));
        return MemoryView.of(edited, false);
    }

    record ForgetListed(String confirmationId, List<MemoryView> memories, String next) {
    }

    record Forgotten(int deleted, int keptBecauseChanged) {
    }

    private Object forget(String user, ToolArguments args) {
        String confirmation = args.optionalText("confirmationId", 32);
        String query = args.optionalText("query", MAX_QUERY);
        if ((confirmation == null) == (query == null)) {
            throw new ToolArguments.Invalid("give either a query (to list what would be deleted) or a confirmationId (to delete it)");
        }
        if (confirmation != null) {
            PendingForget listed = CONFIRMATION.matcher(confirmation).matches() ? pending.asMap().remove(confirmation) : null;
            if (listed == null || !listed.userId().equals(user)) {
                if (listed != null) {
                    pending.put(confirmation, listed); // someone else's: theirs to confirm still
                }
                throw new ToolArguments.Invalid("unknown or expired confirmationId: list again with a query");
            }
            List<String> unchanged = listed.listed().entrySet().stream()
                    .filter(e -> current(user, e.getKey()).map(m -> seen(m).equals(e.getValue())).orElse(false))
                    .map(Map.Entry::getKey).toList();
            return new Forgotten(control.forget(user, unchanged), listed.listed().size() - unchanged.size());
        }
        List<Memory> matches = control.matchForget(user, query);
        if (matches.isEmpty()) {
            return new ForgetListed(null, List.of(), "nothing matches: nothing to confirm");
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Map<String, String> listed = new LinkedHashMap<>();
        matches.forEach(m -> listed.put(m.id(), seen(m)));
        pending.put(id, new PendingForget(user, listed));
        return new ForgetListed(id, matches.stream().map(m -> MemoryView.of(m, control.get(user, m.id()).isEmpty())).toList(),
                "call forget again with this confirmationId within 10 minutes to delete these " + matches.size());
    }

    private Optional<Memory> current(String user, String id) {
        return control.get(user, id).or(() -> control.getPruned(user, id));
    }

    private static String id(ToolArguments args) {
        String id = args.text("id", 36);
        if (!Ids.isId(id)) {
            throw new ToolArguments.Invalid("id must be a memory id (a UUID)");
        }
        return id;
    }

    private static MemoryKind kind(String kind) {
        return MemoryKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
