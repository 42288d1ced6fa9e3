/**
 * Who may call what: Spring Security's rules and firewall, bearer tokens (a person's, and the admin's), the
 * per-person rate limit. Its API is {@link dev.mnemo.security.Caller} (whom a request is for), {@link
 * dev.mnemo.security.PersonTokens} and {@link dev.mnemo.security.StartupTokens}; the configuration, filters and
 * the admin token are package-private.
 */
package dev.mnemo.security;
