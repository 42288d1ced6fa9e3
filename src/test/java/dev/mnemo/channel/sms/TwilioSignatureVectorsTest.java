package dev.mnemo.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Our signature check against the published X-Twilio-Signature vectors in ../shared/data/signatures/twilio.json. */
class TwilioSignatureVectorsTest {

    @Test
    void acceptsEveryValidVectorAndRefusesEveryInvalidOne() throws IOException {
        JsonNode vectors = JsonMapper.builder().build().readTree(Files.readString(SharedData.require("signatures/twilio.json")));
        int checked = 0;
        for (String group : new String[] {"valid", "invalid"}) {
            for (JsonNode v : vectors.get(group)) {
                boolean expected = v.has("expected_valid") ? v.get("expected_valid").asBoolean() : group.equals("valid");
                String signature = v.get("signature") == null || v.get("signature").isNull() ? null : v.get("signature").asString();
                assertThat(new TwilioSignatures(v.get("auth_token").asString()).valid(v.get("url").asString(), params(v), signature))
                        .as(v.path("name").asString()).isEqualTo(expected);
                checked++;
            }
        }
        for (JsonNode v : vectors.get("node_behaviour")) {
            assertThat(new TwilioSignatures(v.get("auth_token").asString()).valid(v.get("target_url").asString(), params(v),
                    v.get("signature").asString())).as(v.get("target_url").asString()).isEqualTo(v.get("expected_valid").asBoolean());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
    }

    private static Map<String, List<String>> params(JsonNode vector) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        JsonNode p = vector.get("params");
        if (p != null && p.isObject()) {
            p.properties().forEach(e -> params.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue().isNull() ? null : e.getValue().asString()));
        }
        for (JsonNode pair : vector.path("params_multi")) {
            params.computeIfAbsent(pair.get(0).asString(), k -> new ArrayList<>()).add(pair.get(1).asString());
        }
        return params;
    }
}
