package dev.mnemo.memory.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MapCache;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** OpenAI embeddings over their real wire format (a fake server on loopback): vectors, cache, paid tokens. */
class OpenAiEmbeddingsTest {

    @Test
    void embedsThroughTheApiCachesAndReportsTheTokensToPrice() {
        FakeModelServer.reset();
        FakeModelServer.server().stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"object": "list", "model": "text-embedding-3-small",
                         "data": [{"object": "embedding", "index": 0, "embedding": [3.0, 4.0, 0.0]}],
                         "usage": {"prompt_tokens": 7, "total_tokens": 7}}""")));
        List<Integer> paid = new CopyOnWriteArrayList<>();
        Embedder embedder = EmbeddingModels.create(EmbeddingModels.OPENAI_SMALL, new MapCache(),
                FakeModelServer.OPENAI_KEY, FakeModelServer.baseUrl() + "/v1", paid::add);

        float[] first = embedder.embed("My sister is Ana");
        float[] again = embedder.embed("My sister is Ana");

        assertThat(first).containsExactly(0.6f, 0.8f, 0.0f); // unit length
        assertThat(again).containsExactly(first);
        assertThat(paid).containsExactly(7); // the second came from the cache: not paid twice
        FakeModelServer.server().verify(1, postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + FakeModelServer.OPENAI_KEY)));
    }
}
