package dev.mnemo.web;

import dev.mnemo.conversation.Channel;
import dev.mnemo.conversation.ChannelReach;
import dev.mnemo.security.Caller;
import dev.mnemo.security.PersonTokens;
import dev.mnemo.security.WebAccounts;
import dev.mnemo.user.UserSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings}: what Mnemo calls the person, their time zone, where reminders and check-ins reach them, their
 * own check-in choice and quiet hours, and their API tokens (a new one shown once, any of theirs revoked).
 */
@Controller
class SettingsPages {
    static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    static final List<Channel> REACHABLE_ON = List.of(Channel.WEB, Channel.SMS, Channel.DISCORD);

    private final UserSettings settings;
    private final ChannelReach reach;
    private final PersonTokens tokens;
    private final WebAccounts accounts;
    private final CheckInDefaults checkInDefaults;

    /** The configured check-ins: whether they are on at all, and the quiet hours a person who never chose has. */
    record CheckInDefaults(boolean enabled, LocalTime quietStart, LocalTime quietEnd) {
    }

    SettingsPages(UserSettings settings, ChannelReach reach, PersonTokens tokens, WebAccounts accounts,
                  @Value("${assistant.proactive.check-ins.enabled}") boolean checkInsEnabled,
                  @Value("${assistant.proactive.check-ins.quiet-start}") LocalTime quietStart,
                  @Value("${assistant.proactive.check-ins.quiet-end}") LocalTime quietEnd) {
        this.settings = settings;
        this.accounts = accounts;
        this.checkInDefaults = new CheckInDefaults(checkInsEnabled, quietStart, quietEnd);
        this.reach = reach;
        this.tokens = tokens;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal Caller caller, Model model) {
        return page(caller.user(null), model);
    }

    private String page(String user, Model model) {
        model.addAttribute("userId", user);
        model.addAttribute("displayName", settings.displayName(user));
        model.addAttribute("zone", settings.timeZone(user).getId());
        model.addAttribute("zones", ZONES);
        model.addAttribute("channel", settings.preferredChannel(user).orElse(""));
        model.addAttribute("channels", REACHABLE_ON.stream().filter(c -> reach.reach(user, c) == ChannelReach.Answer.REACHABLE)
                .map(Channel::id).toList());
        Optional<UserSettings.CheckInChoice> checkIns = settings.checkIns(user);
        model.addAttribute("checkInsServer", checkInDefaults.enabled());
        model.addAttribute("checkInsEnabled", checkIns.map(UserSettings.CheckInChoice::enabled).orElse(checkInDefaults.enabled()));
        model.addAttribute("quietStart", checkIns.map(c -> c.quietStart().toString()).orElse(checkInDefaults.quietStart().toString()));
        model.addAttribute("quietEnd", checkIns.map(c -> c.quietEnd().toString()).orElse(checkInDefaults.quietEnd().toString()));
        model.addAttribute("tokens", tokens.active(user));
        return "settings";
    }

    @PostMapping("/settings/profile")
    String profile(@AuthenticationPrincipal Caller caller, @RequestParam String displayName, @RequestParam String zone,
                   @RequestParam(defaultValue = "") String channel, RedirectAttributes flash) {
        String user = caller.user(null);
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone: use a name like Europe/Lisbon");
        }
        if (!channel.isBlank()) {
            Channel wanted = Channel.byId(channel.strip()).filter(REACHABLE_ON::contains)
                    .orElseThrow(() -> new IllegalArgumentException("the channel is web, sms, discord, or empty (where you last wrote from)"));
            if (reach.reach(user, wanted) != ChannelReach.Answer.REACHABLE) {
                throw new IllegalArgumentException(wanted.id() + " cannot reach you on this Mnemo (README: Channels)");
            }
        }
        settings.setDisplayName(user, displayName);
        settings.setTimeZone(user, zoneId);
        settings.setPreferredChannel(user, channel.isBlank() ? null : channel.strip());
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/settings";
    }

    @PostMapping("/settings/check-ins")
    String checkIns(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "false") boolean enabled,
                    @RequestParam String quietStart, @RequestParam String quietEnd, RedirectAttributes flash) {
        String user = caller.user(null);
        settings.setCheckIns(user, new UserSettings.CheckInChoice(enabled, time(quietStart), time(quietEnd)));
        flash.addFlashAttribute("notice", enabled ? "Check-ins on, quiet from " + time(quietStart) + " to " + time(quietEnd) + "."
                : "Check-ins off: Mnemo will not write first, reminders aside.");
        return "redirect:/settings";
    }

    /**
     * A token reaches everything the person has, beyond this session's life: it takes their password again (counted
     * like a sign-in), so a browser left signed in is not enough. The token is shown in this answer only (never
     * stored in the session, never cached), and only its hash is kept.
     */
    @PostMapping("/settings/tokens")
    String createToken(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String name,
                       @RequestParam(defaultValue = "") String password, HttpServletRequest request, Model model) {
        String user = caller.user(null);
        boolean proven;
        try {
            proven = accounts.check(user, password, request.getRemoteAddr()).isPresent();
        } catch (WebAccounts.Busy e) {
            model.addAttribute("notice", "No token created: " + e.getMessage() + ".");
            return page(user, model);
        }
        if (!proven) {
            model.addAttribute("notice", "No token created: that is not your password (or too many tries; wait a while).");
            return page(user, model);
        }
        PersonTokens.IssuedToken issued = tokens.create(user, name);
        model.addAttribute("newToken", issued.secret());
        model.addAttribute("notice", "Token " + issued.name() + " created: copy it now, it is not shown again.");
        return page(user, model);
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id, RedirectAttributes flash) {
        if (!tokens.revoke(caller.user(null), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such token");
        }
        flash.addFlashAttribute("notice", "Revoked: it stops working with the next request.");
        return "redirect:/settings";
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("a time like 22:00");
        }
    }
}
