package dev.mnemo.channel.web;

import dev.mnemo.channel.internal.Deliveries;
import dev.mnemo.security.Caller;
import dev.mnemo.system.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox: what Mnemo said first (reminders, check-ins, late answers) to a person no other channel reaches, oldest
 * first. {@code GET /api/v1/inbox} hands each message over once, in the answer itself; a client that must not lose
 * one when its connection drops (the terminal chat) reads {@code GET /api/v1/inbox/pending} and acknowledges what
 * it showed with {@code POST /api/v1/inbox/ack}.
 */
@RestController
class InboxController {
    private final Deliveries deliveries;

    InboxController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    record InboxResponse(List<String> messages) {
    }

    @GetMapping(path = "/api/v1/inbox", produces = "application/json")
    InboxResponse inbox(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String userId) {
        return new InboxResponse(deliveries.collectInbox(caller.user(userId)));
    }

    record PendingResponse(List<Deliveries.InboxItem> items) {
    }

    @GetMapping(path = "/api/v1/inbox/pending", produces = "application/json")
    PendingResponse pending(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String userId) {
        return new PendingResponse(deliveries.pendingInbox(caller.user(userId)));
    }

    /** @param ids what the client showed: 1 to 100 ids from {@code pending} (UUIDs, as every id in Mnemo) */
    record AckRequest(String userId,
                      @NotNull @Size(min = 1, max = 100) List<@NotNull @Pattern(regexp = Ids.PATTERN, message = "must be an id from pending") String> ids) {
    }


    record AckResponse(int acknowledged) {
    }

    @PostMapping(path = "/api/v1/inbox/ack", consumes = "application/json", produces = "application/json")
    AckResponse acknowledge(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AckRequest request) {
        return new AckResponse(deliveries.acknowledgeInbox(caller.user(request.userId()), request.ids()));
    }
}
