package dev.mnemo.memory.web;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.PortableMemoryLines;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/memories}: see, add, correct and delete memories. A person's token reaches only that person's
 * memories ({@code userId} may be left out); a memory id of anyone else is "not found", whoever asks.
 */
@RestController
@RequestMapping(path = "/api/v1/memories", produces = "application/json")
class MemoryController {
    static final int MAX_TEXT = PortableMemoryLines.MAX_TEXT;
    static final int MAX_LIMIT = 200;

    private final MemoryRecall recall;
    private final MemoryIntake intake;
    private final MemoryControl control;
    private final Clock clock;

    MemoryController(MemoryRecall recall, MemoryIntake intake, MemoryControl control, Clock clock) {
        this.recall = recall;
        this.clock = clock;
        this.intake = intake;
        this.control = control;
    }

    record MemoryJson(String id, String text, String kind, int importance, List<String> tags, Instant createdAt,
                      Instant updatedAt, Instant lastAccessedAt, int accessCount, double strength,
                      List<String> sources, String action) {
        static MemoryJson of(Memory m, String action) {
            return new MemoryJson(m.id(), m.text(), m.kind().name(), m.importance(), m.tags(), m.createdAt(),
                    m.updatedAt(), m.lastAccessedAt(), m.accessCount(), Math.round(m.strength() * 1000) / 1000.0,
                    m.sources(), action);
        }
    }

    /** @param saidAt when it was said (ISO-8601); null: now */
    record NewMemory(String userId, @NotBlank @Size(max = MAX_TEXT) String text, Instant saidAt) {
    }

    record MemoryPatch(@Size(max = MAX_TEXT) String text, String kind, @Min(1) @Max(10) Integer importance,
                       @Size(max = 20) List<@NotNull @Size(max = 60) String> tags) {
        boolean empty() {
            return text == null && kind == null && importance == null && tags == null;
        }
    }

    @GetMapping
    List<MemoryJson> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String userId,
                          @RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit) {
        String user = caller.user(userId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1.." + MAX_LIMIT);
        }
        if (q != null && q.length() > MAX_TEXT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q must be at most " + MAX_TEXT + " characters");
        }
        List<Memory> found = q == null || q.isBlank() ? recall.list(user, limit) : recall.search(user, q, limit);
        return found.stream().map(m -> MemoryJson.of(m, null)).toList();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<MemoryJson> add(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewMemory request) {
        if (request.saidAt() != null && request.saidAt().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "saidAt is in the future");
        }
        if (request.saidAt() != null && request.saidAt().isBefore(PortableMemoryLines.EARLIEST)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "saidAt is before " + PortableMemoryLines.EARLIEST);
        }
        WriteOutcome outcome = intake.remember(caller.user(request.userId()), request.text(), null, request.saidAt());
        HttpStatus status = outcome.action() == WriteOutcome.Action.ADDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(MemoryJson.of(outcome.memory(), outcome.action().name()));
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    MemoryJson edit(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                    @RequestParam(required = false) String userId, @Valid @RequestBody MemoryPatch patch) {
        if (patch.empty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "nothing to change: give at least one of text, kind, importance, tags");
        }
        if (patch.text() != null && patch.text().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text must not be blank");
        }
        MemoryKind kind = patch.kind() == null ? null : parseKind(patch.kind());
        return control.edit(owner(caller, id, userId), id, patch.text(), kind, patch.importance(), patch.tags())
                .map(m -> MemoryJson.of(m, "EDITED")).orElseThrow(MemoryController::notFound);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                @RequestParam(required = false) String userId) {
        if (!control.delete(owner(caller, id, userId), id)) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    List<MemoryVersion> history(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                @RequestParam(required = false) String userId) {
        return control.history(owner(caller, id, userId), id).orElseThrow(MemoryController::notFound);
    }

    @PostMapping("/{id}/restore")
    MemoryJson restore(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                       @RequestParam(required = false) String userId) {
        String owner = owner(caller, id, userId);
        if (!control.restore(owner, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no pruned memory with that id");
        }
        return control.get(owner, id).map(m -> MemoryJson.of(m, "RESTORED")).orElseThrow(MemoryController::notFound);
    }

    /** The memory's owner when the caller may reach it; "not found" otherwise, so ids of others stay unknown. */
    private String owner(Caller caller, String id, String userId) {
        String named = userId == null || userId.isBlank() ? null : caller.user(userId);
        String owner = control.ownerOf(id).orElseThrow(MemoryController::notFound);
        if (!caller.mayAccess(owner) || named != null && !named.equals(owner)) {
            throw notFound();
        }
        return owner;
    }

    private static MemoryKind parseKind(String kind) {
        try {
            return MemoryKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "kind must be one of fact, preference, person, event, plan");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such memory");
    }
}
