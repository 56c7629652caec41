package ai.switchboard.providers.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.openai.OpenAiProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

class OpenAiQuirksTests {

    private static final String STREAMED = """
            {"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true,
            "stream_options":{"include_usage":true},"max_completion_tokens":64}""";

    @Test
    void openAiAndDeepSeekRequestsPassUnchanged() {
        ChatRequest request = request(STREAMED);

        assertThat(OpenAiQuirks.request(OpenAiProfile.OPENAI, request)).isSameAs(request);
        assertThat(OpenAiQuirks.request(OpenAiProfile.DEEPSEEK, request)).isSameAs(request);
    }

    @Test
    void mistralGetsNoStreamOptionsAndMaxTokens() {
        JsonNode sent = json(OpenAiQuirks.request(OpenAiProfile.MISTRAL, request(STREAMED)));

        assertThat(sent.has("stream_options")).isFalse();
        assertThat(sent.has("max_completion_tokens")).isFalse();
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(sent.path("stream").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = OpenAiProfile.class, names = {"OLLAMA", "VLLM"})
    void localServersGetMaxTokensAndKeepStreamOptions(OpenAiProfile profile) {
        JsonNode sent = json(OpenAiQuirks.request(profile, request(STREAMED)));

        assertThat(sent.has("max_completion_tokens")).isFalse();
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(sent.at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"n\":2", "\"logprobs\":true", "\"top_logprobs\":3", "\"logit_bias\":{\"50256\":-100}"})
    void groqRefusesWhatItCannotDoNamingTheField(String field) {
        ChatRequest request = request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + field
                + "}");

        assertThatThrownBy(() -> OpenAiQuirks.request(OpenAiProfile.GROQ, request))
                .isInstanceOfSatisfying(ProviderException.class, error -> {
                    assertThat(error.type()).isEqualTo(ErrorType.UNSUPPORTED);
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(field).contains(error.param().replace("[].name", ""));
                });
    }

    @Test
    void groqRefusesMessageNamesAndDropsAHarmlessLogprobsFalse() {
        assertThatThrownBy(() -> OpenAiQuirks.request(OpenAiProfile.GROQ, request(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"name\":\"ada\"}]}")))
                .isInstanceOfSatisfying(ProviderException.class,
                        error -> assertThat(error.param()).isEqualTo("messages[].name"));

        JsonNode sent = json(OpenAiQuirks.request(OpenAiProfile.GROQ, request(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"logprobs\":false,\"n\":1}")));
        assertThat(sent.has("logprobs")).isFalse();
        assertThat(sent.path("n").asInt()).isEqualTo(1);
    }

    @Test
    void mistralUsageOnTheLastContentChunkBecomesItsOwnFinalChunk() {
        ChatChunk last = chunk("""
                {"id":"c1","object":"chat.completion.chunk","created":1,"model":"mistral-small","choices":[{"index":0,\
                "delta":{"content":"!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2,\
                "total_tokens":7}}""");

        List<ChatChunk> out = OpenAiQuirks.stream(OpenAiProfile.MISTRAL, Flux.just(last)).collectList().block();

        assertThat(out).hasSize(2);
        assertThat(out.get(0).usage()).isNull();
        assertThat(out.get(0).choices().getFirst().finishReason()).isEqualTo("stop");
        assertThat(out.get(1).choices()).isEmpty();
        assertThat(out.get(1).id()).isEqualTo("c1");
        assertThat(out.get(1).usage().totalTokens()).isEqualTo(7);
    }

    @Test
    void deepSeekCacheHitsBecomeCachedTokensInJsonAndStreams() {
        String usage = "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":5,\"total_tokens\":105,"
                + "\"prompt_cache_hit_tokens\":60,\"prompt_cache_miss_tokens\":40}";
        ChatResponse response = WireJson.mapper().readValue("{\"id\":\"r\",\"object\":\"chat.completion\",\"choices\":[],"
                + usage + "}", ChatResponse.class);
        ChatChunk chunk = chunk("{\"id\":\"r\",\"object\":\"chat.completion.chunk\",\"choices\":[]," + usage + "}");

        assertThat(OpenAiQuirks.response(OpenAiProfile.DEEPSEEK, response).usage().cachedTokens()).isEqualTo(60);
        assertThat(OpenAiQuirks.stream(OpenAiProfile.DEEPSEEK, Flux.just(chunk)).blockLast().usage().cachedTokens())
                .isEqualTo(60);
        assertThat(OpenAiQuirks.response(OpenAiProfile.OPENAI, response).usage().cachedTokens()).isZero();
    }

    @Test
    void profilesAreReadCaseInsensitivelyAndUnknownOnesAreNamed() {
        assertThat(OpenAiProfile.of(java.util.Map.of())).isEqualTo(OpenAiProfile.OPENAI);
        assertThat(OpenAiProfile.of(java.util.Map.of("profile", " Groq "))).isEqualTo(OpenAiProfile.GROQ);
        assertThatThrownBy(() -> OpenAiProfile.of(java.util.Map.of("profile", "bedrock")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile").hasMessageContaining("vllm");
    }

    private static ChatRequest request(String json) {
        return WireJson.mapper().readValue(json, ChatRequest.class);
    }

    private static ChatChunk chunk(String json) {
        return WireJson.mapper().readValue(json, ChatChunk.class);
    }

    private static JsonNode json(ChatRequest request) {
        return WireJson.mapper().valueToTree(request);
    }
}
