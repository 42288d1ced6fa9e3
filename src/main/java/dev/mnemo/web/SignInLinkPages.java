package dev.mnemo.web;

import dev.mnemo.channel.AllowedSenders;
import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.security.SignInLinks;
import dev.mnemo.security.WebAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Signing in with a one-time link sent through the person's own channel (SMS, Discord, or the inbox the terminal chat
 * shows), for a person with a web account or a configured address: {@code POST /login/link} asks for one (the answer
 * is the same whether the name is known or not), {@code GET /login/link/{secret}} shows whom it signs in (a link
 * preview that fetches it spends nothing), and the button there signs in and spends it.
 */
@Controller
class SignInLinkPages {
    private static final Logger log = LoggerFactory.getLogger(SignInLinkPages.class);
    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private final SignInLinks links;
    private final WebAccounts accounts;
    private final AllowedSenders senders;
    private final ReplySender replies;

    SignInLinkPages(SignInLinks links, WebAccounts accounts, AllowedSenders senders, ReplySender replies) {
        this.links = links;
        this.accounts = accounts;
        this.senders = senders;
        this.replies = replies;
    }

    @PostMapping("/login/link")
    String send(@RequestParam(defaultValue = "") String username) {
        if (!links.on()) {
            return "redirect:/login?linksOff";
        }
        String user = username.strip();
        boolean known = !user.isEmpty() && user.length() <= 128 && (accounts.exists(user) || senders.users().contains(user));
        Optional<String> secret = known ? links.issue(user) : Optional.empty();
        secret.ifPresent(s -> {
            try {
                replies.send(user, "Your Mnemo sign-in link, good once for " + SignInLinks.VALID.toMinutes()
                        + " minutes: " + links.url(s) + " — if you did not ask for it, ignore it.", MessageKind.NOTICE);
            } catch (ChannelUnavailableException e) {
                log.warn("A sign-in link for user {} could not be sent: {}", user, e.getMessage());
            }
        });
        return "redirect:/login?linkSent";
    }

    @GetMapping("/login/link/{secret}")
    String confirm(@PathVariable String secret, Model model) {
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
        if (request.getSession(false) != null) {
            request.changeSessionId(); // never the session id someone may have planted before the sign-in
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.get());
        SecurityContextHolder.setContext(context);
        SESSIONS.saveContext(context, request, response);
        return "redirect:/";
    }
}
