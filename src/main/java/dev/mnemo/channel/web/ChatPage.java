package dev.mnemo.channel.web;

import dev.mnemo.channel.internal.Deliveries;
import dev.mnemo.channel.internal.InboundPipeline;
import dev.mnemo.channel.internal.InboundPipeline.Admission;
import dev.mnemo.channel.internal.InboundPipeline.Arrival;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.TranscriptLine;
import dev.mnemo.security.Caller;
import dev.mnemo.user.UserSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web app's chat ({@code /}): the web channel, through the {@link InboundPipeline} like every other. The page
 * shows the conversation on every channel; a message is sent with a form (a plain post and reload without
 * JavaScript); with htmx the page polls {@code /chat/updates} for what was stored since (the reply, a late answer)
 * and for what Mnemo said first (reminders, check-ins) to a person no other channel reaches.
 */
@Controller
class ChatPage {
    static final int HISTORY = 50;
    static final String SENT_EVENT = "chat-sent";
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    private final InboundPipeline inbound;
    private final Conversation conversation;
    private final Deliveries deliveries;
    private final UserSettings settings;
    private final Clock clock;

    ChatPage(InboundPipeline inbound, Conversation conversation, Deliveries deliveries, UserSettings settings, Clock clock) {
        this.inbound = inbound;
        this.conversation = conversation;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    /** A line as the page shows it: a stored message, or something Mnemo said first (a notice). */
    record Line(String id, boolean fromPerson, String channel, String text, Instant at, boolean notice) {
        static Line of(TranscriptLine line) {
            return new Line(line.id(), line.fromPerson(), line.channel().id(), line.text(), line.at(), false);
        }
    }

    @GetMapping("/")
    String chat(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String before, Model model) {
        String user = caller.user(null);
        String beforeId = before == null || !ID.matcher(before).matches() ? null : before;
        List<Line> lines = new ArrayList<>(conversation.transcript(user, beforeId, HISTORY).stream().map(Line::of).toList());
        if (beforeId == null) {
            lines.addAll(inbox(user, lines));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("earlier", lines.size() >= HISTORY ? lines.getFirst().id() : null);
        model.addAttribute("after", beforeId == null ? Objects.requireNonNullElse(lastStored(lines), "") : null);
        model.addAttribute("zone", settings.timeZone(user));
        model.addAttribute("displayName", settings.displayName(user));
        model.addAttribute("maxChars", conversation.maxMessageChars());
        return "chat";
    }

    @PostMapping("/chat")
    String send(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String text,
                @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
                Model model) {
        String user = caller.user(null);
        // The channel's own limit per sender applies, as on SMS and Discord.
        Admission admission = inbound.admit(new Arrival(Channel.WEB, null, user, null, text, true));
        String notice = switch (admission) {
            case Admission.Admitted admitted -> {
                conversation.answer(admitted.messageId(), admitted.message());
                yield null;
            }
            case Admission.Refused refused -> refused.text();
            case Admission.Handled handled -> handled.reply();
        };
        if (htmx == null) {
            return "redirect:/";
        }
        response.setHeader("HX-Trigger", SENT_EVENT);
        model.addAttribute("lines", notice == null ? List.of()
                : List.of(new Line("notice-" + clock.millis(), false, Channel.WEB.id(), notice, clock.instant(), true)));
        model.addAttribute("zone", settings.timeZone(user));
        return "chat :: lines";
    }

    /** What was stored after {@code after}, and what the inbox held; then the poller again, from the newest. */
    @GetMapping("/chat/updates")
    String updates(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String after, Model model) {
        String user = caller.user(null);
        String afterId = ID.matcher(after).matches() ? after : "";
        List<Line> lines = new ArrayList<>(conversation.transcriptAfter(user, afterId, HISTORY).stream().map(Line::of).toList());
        lines.addAll(inbox(user, lines));
        String newest = lastStored(lines);
        model.addAttribute("lines", lines);
        model.addAttribute("after", newest == null ? afterId : newest);
        model.addAttribute("updates", true);
        model.addAttribute("zone", settings.timeZone(user));
        return "chat :: updates";
    }

    /**
     * Reminders, check-ins and late answers waiting for this person in the web inbox: shown here, so taken. A late
     * answer is also a stored reply: when {@code shown} has it already, it is not shown twice.
     */
    private List<Line> inbox(String user, List<Line> shown) {
        List<Deliveries.InboxItem> items = deliveries.pendingInbox(user);
        if (items.isEmpty()) {
            return List.of();
        }
        deliveries.acknowledgeInbox(user, items.stream().map(Deliveries.InboxItem::id).toList());
        Set<String> replies = shown.stream().filter(line -> !line.fromPerson()).map(Line::text).collect(Collectors.toSet());
        return items.stream().filter(item -> !replies.contains(item.text()))
                .map(item -> new Line("inbox-" + item.id(), false, Channel.WEB.id(), item.text(), clock.instant(), true))
                .toList();
    }

    private static String lastStored(List<Line> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (ID.matcher(lines.get(i).id()).matches()) {
                return lines.get(i).id();
            }
        }
        return null;
    }
}
