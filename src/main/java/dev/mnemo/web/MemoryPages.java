package dev.mnemo.web;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryBrowsing;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.security.Caller;
import dev.mnemo.system.Ids;
import dev.mnemo.user.UserSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /memories}: the person's memories a page at a time (sorted, filtered, or searched through the read path),
 * and {@code /memories/{id}}: one memory with its sources and history, edited in place, forgotten after a
 * confirmation, restored while pruned. Any id that is not the person's is a 404.
 */
@Controller
class MemoryPages {
    static final int PAGE_SIZE = 25;
    static final int MAX_TEXT = 2000;
    static final int MAX_QUERY = 500;

    private final MemoryBrowsing browsing;
    private final MemoryRecall recall;
    private final MemoryControl control;
    private final UserSettings settings;

    MemoryPages(MemoryBrowsing browsing, MemoryRecall recall, MemoryControl control, UserSettings settings) {
        this.browsing = browsing;
        this.recall = recall;
        this.control = control;
        this.settings = settings;
    }

    @GetMapping("/memories")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String person, @RequestParam(defaultValue = "NEWEST") String sort,
                @RequestParam(defaultValue = "active") String status, @RequestParam(defaultValue = "0") int offset,
                Model model) {
        String user = caller.user(null);
        String query = bounded(q, MAX_QUERY, "the search");
        MemoryBrowsing.Sort order = parse(MemoryBrowsing.Sort.class, sort, "sort");
        Optional<MemoryKind> kindFilter = kind == null || kind.isBlank() ? Optional.empty()
                : Optional.of(parse(MemoryKind.class, kind, "kind"));
        boolean pruned = switch (status) {
            case "active" -> false;
            case "pruned" -> true;
            default -> throw new IllegalArgumentException("status is active or pruned");
        };
        if (offset < 0 || offset > 1_000_000) {
            throw new IllegalArgumentException("offset must be 0 to 1000000");
        }
        model.addAttribute("zone", settings.timeZone(user));
        model.addAttribute("kinds", MemoryKind.values());
        model.addAttribute("sorts", MemoryBrowsing.Sort.values());
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("kind", kindFilter.map(Enum::name).orElse(""));
        model.addAttribute("tag", tag == null ? "" : tag.strip());
        model.addAttribute("person", person == null ? "" : person.strip());
        model.addAttribute("sort", order.name());
        model.addAttribute("status", status);
        if (query != null) {
            // The same read path as a chat's recall (without reinforcing what it finds): one page of the best matches.
            model.addAttribute("memories", recall.search(user, query, PAGE_SIZE));
            model.addAttribute("offset", 0);
            model.addAttribute("more", false);
        } else {
            MemoryBrowsing.Page page = browsing.page(user, new MemoryBrowsing.Query(pruned, kindFilter,
                    bounded(tag, 60, "tag"), bounded(person, 60, "person"), order, offset, PAGE_SIZE));
            model.addAttribute("memories", page.memories());
            model.addAttribute("offset", offset);
            model.addAttribute("more", page.more());
        }
        model.addAttribute("pageSize", PAGE_SIZE);
        return "memories";
    }

    @GetMapping("/memories/{id}")
    String one(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        String user = caller.user(null);
        Memory memory = find(user, id);
        boolean pruned = control.get(user, memory.id()).isEmpty();
        model.addAttribute("memory", memory);
        model.addAttribute("pruned", pruned);
        model.addAttribute("zone", settings.timeZone(user));
        model.addAttribute("kinds", MemoryKind.values());
        model.addAttribute("sources", browsing.sources(user, memory.id()));
        model.addAttribute("history", control.history(user, memory.id()).orElse(List.of()));
        return "memory";
    }

    @PostMapping("/memories/{id}")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestParam String text,
                @RequestParam String kind, @RequestParam int importance, @RequestParam(defaultValue = "") String tags,
                RedirectAttributes flash) {
        String user = caller.user(null);
        find(user, id);
        String clean = bounded(text, MAX_TEXT, "the text");
        if (clean == null) {
            throw new IllegalArgumentException("the text must not be empty");
        }
        if (importance < 1 || importance > 10) {
            throw new IllegalArgumentException("importance is 1 to 10");
        }
        List<String> tagList = Arrays.stream(tags.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().toList();
        if (tagList.size() > 20 || tagList.stream().anyMatch(t -> t.length() > 60)) {
            throw new IllegalArgumentException("at most 20 tags of up to 60 characters");
        }
        control.edit(user, id, clean, parse(MemoryKind.class, kind, "kind"), importance, tagList)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "this memory is not active (pruned or forgotten): restore it first"));
        flash.addFlashAttribute("notice", "Saved. The earlier version is in the history below.");
        return "redirect:/memories/" + id;
    }

    /** The confirmation step: what forgetting will delete, and the button that does it. */
    @GetMapping("/memories/{id}/forget")
    String confirmForget(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        String user = caller.user(null);
        model.addAttribute("memory", find(user, id));
        model.addAttribute("sources", browsing.sources(user, id).size());
        return "forget";
    }

    @PostMapping("/memories/{id}/forget")
    String forget(@AuthenticationPrincipal Caller caller, @PathVariable String id, RedirectAttributes flash) {
        String user = caller.user(null);
        find(user, id);
        control.delete(user, id);
        flash.addFlashAttribute("notice", "Forgotten for good: the memory, its history and the messages it came from.");
        return "redirect:/memories";
    }

    @PostMapping("/memories/{id}/restore")
    String restore(@AuthenticationPrincipal Caller caller, @PathVariable String id, RedirectAttributes flash) {
        String user = caller.user(null);
        find(user, id);
        if (!control.restore(user, id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "only a pruned memory can be restored");
        }
        flash.addFlashAttribute("notice", "Restored: it is recalled again.");
        return "redirect:/memories/" + id;
    }

    /** The person's memory, active or pruned; 404 for anything else, whoever owns it. */
    private Memory find(String user, String id) {
        if (!Ids.isId(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such memory");
        }
        return control.get(user, id).or(() -> control.getPruned(user, id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such memory"));
    }

    static String bounded(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters");
        }
        return clean;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
