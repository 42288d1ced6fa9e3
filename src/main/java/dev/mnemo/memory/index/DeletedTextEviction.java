package dev.mnemo.memory.index;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.store.CommittedChange;
import org.springframework.stereotype.Component;

/** A memory deleted for good leaves no embedding of its text in any cache (Redis included). */
@Component
class DeletedTextEviction implements CommittedChange.Follower {
    private final Embedder embedder;

    DeletedTextEviction(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public void committed(CommittedChange change) {
        change.deletedTexts().forEach(embedder::evict);
    }
}
