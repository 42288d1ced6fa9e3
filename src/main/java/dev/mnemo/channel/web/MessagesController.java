package dev.mnemo.channel.web;

import dev.mnemo.channel.internal.InboundPipeline;
import dev.mnemo.channel.internal.InboundPipeline.Admission;
import dev.mnemo.channel.internal.InboundPipeline.Arrival;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
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

/**
 * {@code POST /api/v1/messages}: one message in, the reply out, for the terminal chat, scripts and other tools;
 * through the {@link InboundPipeline} like every channel, its refusals as HTTP errors.
 */
@RestController
class MessagesController {
    private final InboundPipeline inbound;
    private final Conversation conversation;

    MessagesController(InboundPipeline inbound, Conversation conversation) {
        this.inbound = inbound;
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
        return switch (inbound.admit(Arrival.fromUser(Channel.API, user, request.text()))) {
            case Admission.Admitted admitted -> {
                Reply reply = conversation.answer(admitted.messageId(), admitted.message());
                yield new MessageResponse(reply.messageId(), reply.text(), reply.route().name(), reply.model(),
                        reply.costUsd());
            }
            case Admission.Refused refused -> throw new ResponseStatusException(switch (refused.reason()) {
                case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
                case TOO_LONG -> HttpStatus.CONTENT_TOO_LARGE;
                case DUPLICATE -> HttpStatus.CONFLICT;
                case STRANGER -> HttpStatus.FORBIDDEN;
                case BLANK -> HttpStatus.BAD_REQUEST;
            }, refused.text());
            case Admission.Handled handled -> throw new IllegalStateException("the API has no keywords");
        };
    }
}
