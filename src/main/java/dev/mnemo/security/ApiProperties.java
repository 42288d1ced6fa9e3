package dev.mnemo.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param requestsPerMinute HTTP API requests one person may make per minute, across all their tokens
 *                          ({@code ASSISTANT_API_RATE_LIMIT_PER_MINUTE}); 0 turns the limit off. The admin token is
 *                          never limited.
 */
@ConfigurationProperties("assistant.api")
record ApiProperties(int requestsPerMinute) {
    ApiProperties {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("ASSISTANT_API_RATE_LIMIT_PER_MINUTE must be 0 (off) or more");
        }
    }
}
