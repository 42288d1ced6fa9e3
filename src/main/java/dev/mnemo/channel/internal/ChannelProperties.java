package dev.mnemo.channel.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the base URL the outside world reaches Mnemo at ({@code ASSISTANT_PUBLIC_URL}); webhook
 *                  signatures are computed over it, because behind a proxy the request's own URL differs
 * @param rateLimit messages accepted per sender
 */
@ConfigurationProperties("assistant.channels")
public record ChannelProperties(String publicUrl, RateLimit rateLimit) {

    /** @param perMinute burst allowance; @param perDay the day's allowance */
    public record RateLimit(int perMinute, int perDay) {
    }

    public ChannelProperties {
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        rateLimit = rateLimit == null ? new RateLimit(10, 300) : rateLimit;
        if (rateLimit.perMinute() < 1 || rateLimit.perDay() < rateLimit.perMinute()) {
            throw new IllegalArgumentException("assistant.channels.rate-limit: per-minute >= 1 and per-day >= per-minute");
        }
    }
}
