package dev.mnemo.security;

import dev.mnemo.system.JsonErrors;
import dev.mnemo.system.StartupRefused;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who may call what. The web app's pages ({@link #PAGES}) need a person signed in (with their password, or a
 * one-time link): a session cookie ({@code HttpOnly}, {@code SameSite=Lax}), CSRF tokens on every form, sign-in
 * throttled per client and locked out per client and per account after repeated failures ({@link WebAccounts}). {@code /api/**} needs a bearer token (a person's, or the admin token); the webhooks carry their
 * providers' signatures instead; health is public; the rest of the actuator (Prometheus) needs the admin token.
 * The API is stateless: no session, no cookie, nothing remembered between requests. Spring Security's strict firewall refuses
 * ambiguous paths ({@code ;}, encoded {@code / % .}, {@code //}, {@code ..}, non-printable characters) with a JSON 400.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {
    /** The web app's paths: everything else is the API's (and its bearer tokens'). */
    static final String[] PAGES = {"/", "/login", "/login/**", "/logout", "/logout/**", "/chat", "/chat/**", "/memories",
            "/memories/**", "/reminders", "/reminders/**", "/costs", "/costs/**", "/activity", "/activity/**", "/settings",
            "/settings/**"};
    /** The pages' stylesheet, script and WebJars: public, and cacheable (their addresses change with their content). */
    static final String[] ASSETS = {"/assets/**", "/webjars/**"};

    @Bean
    @Order(0)
    SecurityFilterChain assets(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(ASSETS)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(JsonErrors.CONTENT_SECURITY_POLICY)))
                .build();
    }

    /**
     * The pages. CSRF tokens and the page to return to after signing in live in cookies (SameSite=Strict), not in a
     * session: a stranger's requests make no session, only a sign-in does.
     */
    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, WebAccounts accounts, WebSessions sessions, WebSignInProperties signIn,
                              Clock clock, @Value("${server.servlet.session.cookie.name}") String sessionCookie,
                              @Value("${server.servlet.session.cookie.secure}") boolean secureCookies) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        // Lax, as the session's: a link followed from another site (Discord, a mail) must not reset the token that
        // the person's open pages carry; a form posted from another site still comes without it.
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secureCookies));
        CookieRequestCache returnTo = new CookieRequestCache();
        returnTo.setCookieCustomizer(cookie -> {
            cookie.setAttribute("SameSite", "Lax");
            cookie.setSecure(secureCookies);
        });
        // A poll (or any other htmx request) is not a page to come back to.
        returnTo.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && !request.getServletPath().startsWith("/chat/"));
        return http
                .securityMatcher(PAGES)
                .authenticationManager(new ProviderManager(new PasswordSignIn(accounts, sessions)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(returnTo))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        // Only a redirect: Spring's default handler would make a session to keep the exception in.
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof AuthenticationServiceException ? "/login?throttled" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies(sessionCookie))
                .addFilterBefore(new SignInThrottle(signIn, clock), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(sessions.filter(), AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/login/**").permitAll()
                        .anyRequest().hasAuthority(CallerAuthentication.PERSON))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(SecurityConfiguration::toSignIn)
                        .accessDeniedHandler(SecurityConfiguration::formExpired))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(JsonErrors.CONTENT_SECURITY_POLICY)))
                .build();
    }

    /**
     * To the sign-in form. An htmx poll whose session ran out is told to load it as a whole page; an htmx form (a chat
     * message) is only told "401", so the page keeps what was typed and says so. A plain form posted after the session
     * ended gets a page saying it was not sent, rather than a silent redirect that drops it.
     */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean htmx = request.getHeader("HX-Request") != null;
        if (htmx && "GET".equals(request.getMethod())) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (htmx) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            request.setAttribute(JsonErrors.PAGE_MESSAGE, "Not sent: you were signed out (the session ended, or the server"
                    + " restarted). Go back to copy what you wrote, sign in again, and send it once more.");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login");
    }

    /**
     * A form without its CSRF token, or with a stale one (the page was open across a restart or a sign-out): the
     * app's error page saying so, rather than a bare 403; an htmx request's page says so itself, keeping what was
     * typed.
     */
    private static void formExpired(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.setAttribute(JsonErrors.PAGE_MESSAGE, "This form has expired: it was open across a restart or a sign-out, so it was not"
                + " sent. Go back, reload the page and send it again.");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, BearerTokens tokens, ApiProperties apiProperties, Clock clock,
                            @Value("${management.server.port:}") String managementServerPort,
                            @Value("${server.port}") int serverPort) throws Exception {
        int managementPort = managementServerPort.isBlank() ? -1 : Integer.parseInt(managementServerPort.strip());
        if (managementPort > 0 && managementPort == serverPort) {
            throw new StartupRefused("MANAGEMENT_SERVER_PORT is SERVER_PORT (" + serverPort + "): metrics would be open on the API port;"
                    + " give the management port a number of its own, or leave it unset");
        }
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens), tokens);
        bearer.setRequestMatcher(new NegatedRequestMatcher(PathPatternRequestMatcher.pathPattern("/webhooks/**")));
        bearer.setSuccessHandler((request, response, authentication) -> {
        });
        bearer.setFailureHandler((request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            JsonErrors.write(response, 401, failure.getMessage());
        });
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .addFilterAfter(new PersonRateLimitFilter(apiProperties, clock), AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/webhooks/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(adminOrManagementPort(managementPort))
                        .requestMatchers("/actuator/**").hasAuthority(CallerAuthentication.ADMIN)
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            // RFC 6750: say it is a bearer token that is wanted (MCP clients read this).
                            response.setHeader("WWW-Authenticate", "Bearer");
                            JsonErrors.write(response, 401, "missing bearer token");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                JsonErrors.write(response, 403, "this token may not do that")))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(JsonErrors.CONTENT_SECURITY_POLICY)))
                .build();
    }

    /**
     * Prometheus scrapes with the admin token, or without one on the management port ({@code MANAGEMENT_SERVER_PORT},
     * bound to {@code MANAGEMENT_SERVER_ADDRESS}): a port that only the operator's network reaches.
     */
    private static AuthorizationManager<RequestAuthorizationContext> adminOrManagementPort(int managementPort) {
        AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasAuthority(CallerAuthentication.ADMIN);
        return (authentication, context) -> managementPort > 0 && context.getRequest().getLocalPort() == managementPort
                ? new AuthorizationDecision(true) : admin.authorize(authentication, context);
    }

    /** Spring Security's own observations: meters Prometheus refuses (camelCase names), and telemetry nobody asked for. */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        return web -> web.httpFirewall(firewall).requestRejectedHandler((request, response, e) ->
                JsonErrors.write(response, 400, "request rejected: the path or a header is malformed"));
    }
}
