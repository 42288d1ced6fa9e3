package dev.mnemo.memory;

import dev.mnemo.memory.embedding.Embedder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the embedding model in the background once the application is ready, so that start-up does not wait for
 * it (a second or two for an ONNX model); a recall that comes first waits for the load instead.
 */
@Component
class EmbeddingModelWarmUp {
    private final Embedder embedder;

    EmbeddingModelWarmUp(Embedder embedder) {
        this.embedder = embedder;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        embedder.loadInBackground();
    }
}
