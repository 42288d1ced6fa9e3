package dev.mnemo.web;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.conversation.Channel;
import dev.mnemo.security.Caller;
import dev.mnemo.security.SignInLinks;
import dev.mnemo.system.StorableText;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with a one-time link sent to the person's phone or Discord (the addresses in {@code
 * ASSISTANT_ALLOWED_SENDERS}): {@code POST /login/link} asks for one (the answer is the same whether the name is
 * known or not), {@code GET /login/link/{secret}} shows whom it signs in (a link
 * preview that fetches it spends nothing), and the button there signs in and spends it.
 */
@Controller
class SignInLinkPages {
    private static final Logger log = LoggerFactory.getLogger(SignInLinkPages.class);
    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();
    private static final List<Channel> LINK_CHANNELS = List.of(Channel.SMS, Channel.DISCORD);

    private final SignInLinks links;
    private final AllowedSenders senders;
    private final ReplySender replies;

    SignInLinkPages(SignInLinks links, AllowedSenders senders, ReplySender replies) {
        this.links = links;
        this.senders = senders;
        this.replies = replies;
    }

    /**
     * Answers at once, the same for every name; the link is made and sent afterwards, so that how long the answer
     * takes does not tell a known name (a database write and an SMS) from an unknown one.
     */
    @PostMapping("/login/link")
    String ask(@RequestParam(defaultValue = "") String username) {
        if (!links.on()) {
            return "redirect:/login?linksOff";
        }
        String user = username.strip();
        // A name that is not a user id at all is nobody's: nothing to look up (or to log).
        if (!user.isEmpty() && user.length() <= Caller.MAX_USER_ID && user.chars().noneMatch(Character::isISOControl)
                && StorableText.of(user).equals(user)) {
            Thread.ofVirtual().name("sign-in-link").start(() -> issueAndSend(user));
        }
        return "redirect:/login?linkSent";
    }

    /**
     * Only to the person's phone or Discord: never to the web inbox, which their API tokens (a tool's, say) can read —
     * a token must be no way into the pages.
     */
    private void issueAndSend(String user) {
        try {
            List<Channel> reach = LINK_CHANNELS.stream().filter(c -> senders.addressOf(user, c).isPresent()).toList();
            if (reach.isEmpty()) {
                return;
            }
            Optional<String> secret = links.issue(user);
            if (secret.isEmpty()) {
                return;
            }
            // Plain ASCII: one SMS segment's alphabet (GSM-7), not three segments of UCS-2.
            String text = "Your Mnemo sign-in link, good once for " + SignInLinks.VALID.toMinutes() + " minutes: "
                    + links.url(secret.get()) + " - if you did not ask for it, ignore this.";
            for (Channel channel : reach) {
                try {
                    replies.sendVia(channel, senders.addressOf(user, channel).orElseThrow(), user, text, MessageKind.NOTICE);
                    return;
                } catch (ChannelUnavailableException e) {
                    log.warn("A sign-in link for user {} could not go by {}: {}", user, channel.id(), e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.error("A sign-in link for user {} failed", user, e);
        }
    }

    @GetMapping("/login/link/{secret}")
    String confirm(@PathVariable String secret, HttpServletResponse response, Model model) {
        // The page's own stylesheet and script requests must not carry the secret in their Referer.
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<String> user = links.peek(secret);
        if (user.isEmpty()) {
            return "redirect:/login?linkUsed";
        }
        model.addAttribute("user", user.get());
        model.addAttribute("secret", secret);
        return "login-link";
    }

    @PostMapping("/login/link/{secret}")
    String signIn(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response) {
        Optional<Authentication> signedIn = links.redeem(secret);
        if (signedIn.isEmpty()) {
            return "redirect:/login?linkUsed";
        }
        // A session of its own: nothing of one before it (someone else's, or one planted) carries over.
        HttpSession before = request.getSession(false);
        if (before != null) {
            before.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.get());
        SecurityContextHolder.setContext(context);
        SESSIONS.saveContext(context, request, response);
        // A new CSRF token from here on, as after a password sign-in, and no page to return to.
        for (String cookie : new String[] {"XSRF-TOKEN", "REDIRECT_URI"}) {
            Cookie gone = new Cookie(cookie, "");
            gone.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            gone.setMaxAge(0);
            gone.setHttpOnly(true);
            response.addCookie(gone);
        }
        return "redirect:/";
    }
}
