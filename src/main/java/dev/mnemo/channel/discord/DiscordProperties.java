package dev.mnemo.channel.discord;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param botToken  the gateway bot's token ({@code DISCORD_BOT_TOKEN}); blank: no bot
 * @param publicKey the application's public key ({@code DISCORD_PUBLIC_KEY}, hex); blank: no interactions endpoint
 */
@ConfigurationProperties("assistant.discord")
record DiscordProperties(String botToken, String publicKey) {
    boolean botConfigured() {
        return botToken != null && !botToken.isBlank();
    }

    boolean interactionsConfigured() {
        return publicKey != null && !publicKey.isBlank();
    }

    /** Never prints the bot token. */
    @Override
    public String toString() {
        return "DiscordProperties[botToken=" + (botConfigured() ? "(set)" : "(none)") + ", publicKey=" + publicKey + "]";
    }
}
