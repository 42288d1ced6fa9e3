package dev.mnemo.channel.web;

import dev.mnemo.conversation.Conversation;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.security.Caller;
import dev.mnemo.user.UserSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me[?userId=]}: whom a token speaks for and what a client needs to know before the first
 * message: the name Mnemo calls them, the longest message it takes, and the models in use (null offline).
 */
@RestController
class MeController {
    private final Conversation conversation;
    private final UserSettings settings;
    private final LanguageModels models;

    MeController(Conversation conversation, UserSettings settings, LanguageModels models) {
        this.conversation = conversation;
        this.settings = settings;
        this.models = models;
    }

    record MeResponse(String userId, String displayName, int maxMessageChars, String model) {
    }

    @GetMapping(path = "/api/v1/me", produces = "application/json")
    MeResponse me(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String userId) {
        String user = caller.user(userId);
        return new MeResponse(user, settings.displayName(user), conversation.maxMessageChars(), models.inUse().orElse(null));
    }
}
