package dev.mnemo.channel.web;

import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import dev.mnemo.conversation.Reply;
import dev.mnemo.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/v1/messages}: one message in, the reply out, for scripts and other tools. */
@RestController
class MessagesController {
    private final Conversation conversation;

    MessagesController(Conversation conversation) {
        this.conversation = conversation;
    }

    /** {@code userId} may be left out with a person's token: it is theirs. */
    record MessageRequest(String userId, @NotNull @NotBlank String text) {
    }

    record MessageResponse(String messageId, String reply, String route, String model, BigDecimal costUsd) {
    }

    @PostMapping(path = "/api/v1/messages", consumes = "application/json", produces = "application/json")
    MessageResponse post(@AuthenticationPrincipal Caller caller, @Valid @RequestBody MessageRequest request) {
        String user = caller.user(request.userId());
        int length = InboundMessage.lengthOf(request.text());
        if (length > conversation.maxMessageChars()) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "text is " + length + " characters; the limit is " + conversation.maxMessageChars());
        }
        Reply reply = conversation.handle(new InboundMessage(user, Channel.API, request.text()));
        return new MessageResponse(reply.messageId(), reply.text(), reply.route().name(), reply.model(), reply.costUsd());
    }
}
