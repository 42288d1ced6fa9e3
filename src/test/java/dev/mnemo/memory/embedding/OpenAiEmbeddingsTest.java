package dev.mnemo.memory.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.FakeModelServer;
import dev.mnemo.testing.MapCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's text-embedding-3-small over its real wire format (a fake on loopback): the embedding contract, and
 * what only a paid model does — its tokens reported for the ledger, and never paid twice for one text.
 */
class OpenAiEmbeddingsTest extends EmbeddingModelContract {
    private static final int DIMENSION = 1536;
    private final List<Integer> paid = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openAiAnswers() {
        FakeModelServer.reset();
        answer(List.of(SISTER), List.of(vector(0)));
        answer(List.of(PORTO), List.of(vector(1)));
        answer(List.of(SISTER, PORTO), List.of(vector(0), vector(1)));
    }

    @Override
    protected Embedder create(MapCache cache) {
        return EmbeddingModels.create(EmbeddingModels.OPENAI_SMALL, cache, FakeModelServer.OPENAI_KEY,
                FakeModelServer.baseUrl() + "/v1", paid::add);
    }

    @Test
    void itsTokensAreReportedForTheLedgerAndNeverPaidTwiceForOneText() {
        embedder.embed(SISTER);
        embedder.embed(SISTER);

        assertThat(paid).containsExactly(7);
        FakeModelServer.server().verify(1, postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + FakeModelServer.OPENAI_KEY)));
    }

    private static void answer(List<String> inputs, List<List<Double>> vectors) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            data.add(Map.of("object", "embedding", "index", i, "embedding", vectors.get(i)));
        }
        FakeModelServer.server().stubFor(post(urlEqualTo("/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.input", equalToJson(Api.json(inputs))))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Api.json(Map.of(
                        "object", "list", "model", "text-embedding-3-small", "data", data,
                        "usage", Map.of("prompt_tokens", 7 * inputs.size(), "total_tokens", 7 * inputs.size()))))));
    }

    /** A vector of the model's dimension, not unit length (the embedder normalises it). */
    private static List<Double> vector(int seed) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < DIMENSION; i++) {
            v.add(i == seed ? 3.0 : i == seed + 2 ? 4.0 : 0.0);
        }
        return v;
    }
}
