package dev.mnemo.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login}: the sign-in form (Spring Security checks what it posts); signed in already, the chat. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
        return signedIn ? "redirect:/" : "login";
    }
}
