package dev.mnemo.channel.web;

import dev.mnemo.channel.internal.Deliveries;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/inbox?userId=}: what Mnemo said first (reminders, check-ins) to a person no other channel
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
    InboxResponse inbox(@RequestParam String userId) {
        if (userId.isBlank() || userId.length() > 128) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "userId must be 1 to 128 characters");
        }
        return new InboxResponse(deliveries.collectInbox(userId.strip()));
    }
}
