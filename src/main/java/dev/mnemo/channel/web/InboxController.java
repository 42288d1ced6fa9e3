package dev.mnemo.channel.web;

import dev.mnemo.channel.internal.Deliveries;
import dev.mnemo.security.Caller;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/inbox[?userId=]}: what Mnemo said first (reminders, check-ins) to a person no other channel
 * reaches, oldest first; each message is handed over once.
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
}
