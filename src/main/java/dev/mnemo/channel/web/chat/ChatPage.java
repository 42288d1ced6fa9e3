package dev.mnemo.channel.web.chat;

import dev.mnemo.channel.internal.Deliveries;
import dev.mnemo.channel.internal.InboundPipeline;
import dev.mnemo.channel.internal.InboundPipeline.Admission;
import dev.mnemo.channel.internal.InboundPipeline.Arrival;
import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.Conversation;
import dev.mnemo.conversation.TranscriptLine;
import dev.mnemo.security.Caller;
import dev.mnemo.system.Ids;
import dev.mnemo.user.UserSettings;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web app's chat ({@code /}): the web channel, through the {@link InboundPipeline} like every other. The page
 * shows the conversation on every channel; a message is sent with a form (a plain post and reload without
 * JavaScript); with htmx the page asks {@code /chat/updates} every few seconds for what was stored since (the
 * reply, a late answer) and what Mnemo said first (reminders, check-ins) to a person no other channel reaches. An
 * inbox message leaves the inbox only once a page has shown it: the next poll says which it showed.
 */
@Controller
class ChatPage {
    static final int HISTORY = 50;
    static final int MAX_SEEN = 100;
    static final String SENT_EVENT = "chat-sent";

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

    /** What the page shows of the inbox, and the ids the next poll hands over as shown. */
    record Inbox(List<Line> lines, List<String> shown) {
    }

    @GetMapping("/")
    String chat(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String before, Model model) {
        String user = caller.user(null);
        String beforeId = Ids.isId(before) ? before : null;
        List<TranscriptLine> stored = conversation.transcript(user, beforeId, HISTORY + 1);
        boolean earlier = stored.size() > HISTORY;
        List<Line> lines = new ArrayList<>(stored.subList(earlier ? 1 : 0, stored.size()).stream().map(Line::of).toList());
        Inbox inbox = beforeId == null ? inbox(user, stored) : new Inbox(List.of(), List.of());
        lines.addAll(inbox.lines());
        model.addAttribute("lines", lines);
        model.addAttribute("earlier", earlier ? lines.getFirst().id() : null);
        model.addAttribute("after", beforeId == null ? lastStored(lines, "") : null);
        model.addAttribute("seen", String.join(",", inbox.shown()));
        model.addAttribute("zone", settings.timeZone(user));
        model.addAttribute("maxChars", conversation.maxMessageChars());
        return "chat";
    }

    @PostMapping("/chat")
    String send(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String text,
                @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
                RedirectAttributes flash, Model model) {
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
            flash.addFlashAttribute("notice", notice);
            if (notice != null) {
                flash.addFlashAttribute("draft", text); // refused: back in the box, to shorten or send again
            }
            return "redirect:/";
        }
        if (notice == null) {
            // Only a message taken in clears the box; the poll then shows it with its reply.
            response.setHeader("HX-Trigger", SENT_EVENT);
        }
        model.addAttribute("lines", notice == null ? List.of()
                : List.of(new Line("notice-" + clock.millis(), false, Channel.WEB.id(), notice, clock.instant(), true)));
        model.addAttribute("zone", settings.timeZone(user));
        return "chat :: lines";
    }

    /**
     * Hands over the inbox messages the page showed ({@code seen}), then what was stored after {@code after} and
     * what waits in the inbox; then the poller again, from the newest.
     */
    @GetMapping("/chat/updates")
    String updates(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String after,
                   @RequestParam(defaultValue = "") String seen, Model model) {
        String user = caller.user(null);
        handOver(user, seen);
        String afterId = Ids.isId(after) ? after : "";
        List<Line> lines = new ArrayList<>(conversation.transcriptAfter(user, afterId, HISTORY).stream().map(Line::of).toList());
        Inbox inbox = inbox(user, null);
        lines.addAll(inbox.lines());
        model.addAttribute("lines", lines);
        model.addAttribute("after", lastStored(lines, afterId));
        model.addAttribute("seen", String.join(",", inbox.shown()));
        model.addAttribute("updates", true);
        model.addAttribute("zone", settings.timeZone(user));
        return "chat :: updates";
    }

    /**
     * Hands over inbox messages a page without JavaScript showed: its {@code <noscript>} image asks for this once the
     * page is displayed (a page with JavaScript says so with its next poll instead).
     */
    @GetMapping("/chat/seen")
    ResponseEntity<Void> seen(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String ids) {
        handOver(caller.user(null), ids);
        return ResponseEntity.noContent().build();
    }

    /** Takes out of the inbox what a page says it showed: at most {@link #MAX_SEEN} ids, comma-separated. */
    private void handOver(String user, String ids) {
        List<String> shown = Arrays.stream(ids.split(",")).filter(Ids::isId).limit(MAX_SEEN).toList();
        if (!shown.isEmpty()) {
            deliveries.acknowledgeInbox(user, shown);
        }
    }

    /**
     * Reminders, check-ins and late answers waiting for this person in the web inbox. A late answer is a stored
     * reply too (stored before it is queued): one the conversation already shows is not shown twice.
     */
    private Inbox inbox(String user, List<TranscriptLine> recent) {
        List<Deliveries.InboxItem> items = deliveries.pendingInbox(user);
        if (items.isEmpty()) {
            return new Inbox(List.of(), List.of());
        }
        Set<String> replies = (recent != null ? recent : conversation.transcript(user, null, HISTORY)).stream()
                .filter(line -> !line.fromPerson()).map(TranscriptLine::text).collect(Collectors.toSet());
        List<Line> lines = items.stream().filter(item -> !replies.contains(item.text()))
                .map(item -> new Line("inbox-" + item.id(), false, Channel.WEB.id(), item.text(), item.createdAt(), true))
                .toList();
        return new Inbox(lines, items.stream().map(Deliveries.InboxItem::id).toList());
    }

    /** The newest stored message's id (notices are not stored), else {@code otherwise}. */
    private static String lastStored(List<Line> lines, String otherwise) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).notice()) {
                return lines.get(i).id();
            }
        }
        return otherwise;
    }
}
