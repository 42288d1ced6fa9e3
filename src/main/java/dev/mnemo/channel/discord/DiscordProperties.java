package dev.mnemo.channel.discord;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param botToken   the gateway bot's token ({@code DISCORD_BOT_TOKEN}); blank: no bot
 * @param publicKey  the application's public key ({@code DISCORD_PUBLIC_KEY}, hex); blank: no interactions endpoint
 * @param apiBaseUrl Discord's REST API root, with its version ({@code DISCORD_API_BASE_URL}); only tests point it elsewhere
 * @param gatewayUrl the gateway's WebSocket URL ({@code DISCORD_GATEWAY_URL}); only tests point it elsewhere
 */
@ConfigurationProperties("assistant.discord")
record DiscordProperties(String botToken, String publicKey, String apiBaseUrl, String gatewayUrl) {
    /** JDA's own defaults: {@code RestConfig.DEFAULT_BASE_URL} and {@code SessionController#getGateway()}. */
    static final String DEFAULT_API = "https://discord.com/api/v10/";
    static final String DEFAULT_GATEWAY = "wss://gateway.discord.gg/";

    DiscordProperties {
        apiBaseUrl = blank(apiBaseUrl) ? DEFAULT_API : apiBaseUrl.strip();
        gatewayUrl = blank(gatewayUrl) ? DEFAULT_GATEWAY : gatewayUrl.strip();
        // The bot token travels to both: only over TLS, or to this machine (a fake Discord in tests).
        if (!apiBaseUrl.startsWith("https://") && !onThisMachine(apiBaseUrl, "http")) {
            throw new IllegalArgumentException("DISCORD_API_BASE_URL must be https:// (or http:// on localhost)");
        }
        if (!gatewayUrl.startsWith("wss://") && !onThisMachine(gatewayUrl, "ws")) {
            throw new IllegalArgumentException("DISCORD_GATEWAY_URL must be wss:// (or ws:// on localhost)");
        }
    }

    boolean botConfigured() {
        return !blank(botToken);
    }

    boolean interactionsConfigured() {
        return !blank(publicKey);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean onThisMachine(String url, String scheme) {
        return url.matches(scheme + "://(127\\.0\\.0\\.1|localhost)(:\\d+)?(/.*)?");
    }

    /** Never prints the bot token. */
    @Override
    public String toString() {
        return "DiscordProperties[botToken=" + (botConfigured() ? "(set)" : "(none)") + ", publicKey=" + publicKey
                + ", apiBaseUrl=" + apiBaseUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }
}
