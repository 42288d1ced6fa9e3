package dev.mnemo.proactive;

import dev.mnemo.channel.ChannelUnavailableException;
import dev.mnemo.channel.MessageKind;
import dev.mnemo.channel.ReplySender;
import dev.mnemo.vault.VaultConflictFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the person, on their channel, that a memory changed on both sides of the vault and where both versions are. */
@Component
class VaultNotices {
    private static final Logger log = LoggerFactory.getLogger(VaultNotices.class);

    private final ReplySender replies;

    VaultNotices(ReplySender replies) {
        this.replies = replies;
    }

    @ApplicationModuleListener
    void on(VaultConflictFound conflict) {
        try {
            String text = conflict.memoryId() != null
                    ? "A memory was changed both in your Obsidian vault and here since the last sync. I kept both: mine "
                            + "is in the memory, yours in the vault's note " + conflict.note()
                            + ". Copy yours into the memory's note to keep it."
                    : "A file in Mnemo's folder of your vault was changed on two devices at once. I kept both versions: "
                            + "one in place, the other as " + conflict.note() + ".";
            replies.send(conflict.userId(), text, MessageKind.NOTICE);
        } catch (ChannelUnavailableException e) {
            log.warn("The vault conflict notice for user {} could not be sent: {}", conflict.userId(), e.getMessage());
        }
    }
}
