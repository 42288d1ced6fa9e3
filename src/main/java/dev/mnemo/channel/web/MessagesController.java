package dev.mnemo.channel.web;

import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.InboundMessage;
import dev.mnemo.conversation.Reply;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
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

    record MessageRequest(@NotBlank @Size(max = 128) String userId, @NotNull @NotBlank String text) {
    }

    record MessageResponse(String messageId, String reply, String route, String model, BigDecimal costUsd) {
    }

    @PostMapping(path = "/api/v1/messages", consumes = "application/json", produces = "application/json")
    MessageResponse post(@Valid @RequestBody MessageRequest request) {
        if (request.text().length() > conversation.maxMessageChars()) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "text is over " + conversation.maxMessageChars() + " characters");
        }
        Reply reply = conversation.handle(new InboundMessage(request.userId(), Channel.API, request.text()));
        return new MessageResponse(reply.messageId(), reply.text(), reply.route().name(), reply.model(), reply.costUsd());
    }
}
