package dev.mnemo.channel.discord;

import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import org.springframework.stereotype.Component;

/** The gateway bot's live connection, shared by the bot (which opens it) and the gateway (which sends through it). */
@Component
class DiscordConnection {
    private volatile JDA jda;

    /** Connected to Discord's gateway now: only then is the bot a way to reach anyone. */
    boolean connected() {
        JDA current = jda;
        return current != null && current.getStatus() == JDA.Status.CONNECTED;
    }

    Optional<JDA> jda() {
        return Optional.ofNullable(jda);
    }

    void opened(JDA opened) {
        jda = opened;
    }

    /** Shuts the connection down, if there is one. */
    void close() {
        JDA current = jda;
        jda = null;
        if (current != null) {
            current.shutdown();
        }
    }
}
