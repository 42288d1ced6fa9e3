package dev.mnemo.memory.web;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.WriteOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * {@code /api/v1/memories}: see, add, correct and delete memories. An id-addressed call may name the
 * {@code userId}; a memory of another user is then "not found".
 */
@RestController
@RequestMapping(path = "/api/v1/memories", produces = "application/json")
class MemoryController {
    static final int MAX_TEXT = 2000;

    private final MemoryRecall recall;
    private final MemoryIntake intake;
    private final MemoryControl control;

    MemoryController(MemoryRecall recall, MemoryIntake intake, MemoryControl control) {
        this.recall = recall;
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

    record NewMemory(@NotBlank @Size(max = 128) String userId, @NotBlank @Size(max = MAX_TEXT) String text) {
    }

    record MemoryPatch(@Size(max = MAX_TEXT) String text, String kind, @Min(1) @Max(10) Integer importance,
                       @Size(max = 20) List<@Size(max = 60) String> tags) {
    }

    @GetMapping
    List<MemoryJson> list(@RequestParam @NotBlank String userId, @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        List<Memory> found = q == null || q.isBlank() ? recall.list(userId, limit) : recall.search(userId, q, limit);
        return found.stream().map(m -> MemoryJson.of(m, null)).toList();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<MemoryJson> add(@Valid @RequestBody NewMemory request) {
        WriteOutcome outcome = intake.remember(request.userId().strip(), request.text(), null);
        HttpStatus status = outcome.action() == WriteOutcome.Action.ADDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(MemoryJson.of(outcome.memory(), outcome.action().name()));
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    MemoryJson edit(@PathVariable String id, @RequestParam(required = false) String userId,
                    @Valid @RequestBody MemoryPatch patch) {
        MemoryKind kind = patch.kind() == null ? null : parseKind(patch.kind());
        return control.edit(owner(id, userId), id, patch.text(), kind, patch.importance(), patch.tags())
                .map(m -> MemoryJson.of(m, "EDITED")).orElseThrow(MemoryController::notFound);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(required = false) String userId) {
        if (!control.delete(owner(id, userId), id)) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    List<MemoryVersion> history(@PathVariable String id, @RequestParam(required = false) String userId) {
        return control.history(owner(id, userId), id).orElseThrow(MemoryController::notFound);
    }

    @PostMapping("/{id}/restore")
    MemoryJson restore(@PathVariable String id, @RequestParam(required = false) String userId) {
        String owner = owner(id, userId);
        if (!control.restore(owner, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no pruned memory with that id");
        }
        return control.get(owner, id).map(m -> MemoryJson.of(m, "RESTORED")).orElseThrow(MemoryController::notFound);
    }

    private String owner(String id, String userId) {
        String owner = control.ownerOf(id).orElseThrow(MemoryController::notFound);
        if (userId != null && !userId.isBlank() && !userId.strip().equals(owner)) {
            throw notFound();
        }
        return owner;
    }

    private static MemoryKind parseKind(String kind) {
        try {
            return MemoryKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "kind must be one of fact, preference, person, event, plan");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such memory");
    }
}
