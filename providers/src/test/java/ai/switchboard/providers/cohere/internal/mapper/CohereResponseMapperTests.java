package ai.switchboard.providers.cohere.internal.mapper;

import static ai.switchboard.providers.cohere.CohereFixtures.offlineEndpoint;
import static ai.switchboard.providers.cohere.CohereFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.cohere.internal.api.CohereChatResponse;
import ai.switchboard.providers.json.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohereResponseMapperTests {

    @Test
    void textBlocksAreJoinedAndThinkingCitationsAndTemplateTokensLeftOut() {
        ChatResponse response = map(resource("chat-text.json"));

        assertThat(response.id()).isEqualTo("c0ffee-1");
        assertThat(response.object()).isEqualTo("chat.completion");
        assertThat(response.created()).isEqualTo(1_700_000_000L);
        assertThat(response.model()).isEqualTo("command-a-03-2025");
        ChatChoice choice = response.choices().getFirst();
        assertThat(choice.message().role()).isEqualTo("assistant");
        assertThat(choice.message().content().asString()).isEqualTo("Hello world");
        assertThat(choice.message().toolCalls()).isNull();
        assertThat(choice.finishReason()).isEqualTo("stop");
        // billed_units, not the template-inflated tokens; cached is a subset of the prompt.
        assertThat(response.usage().promptTokens()).isEqualTo(12);
        assertThat(response.usage().completionTokens()).isEqualTo(3);
        assertThat(response.usage().totalTokens()).isEqualTo(15);
        assertThat(response.usage().cachedTokens()).isEqualTo(4);
    }

    @Test
    void toolCallsKeepTheirIdsAndArgumentsAndThePlanIsNotContent() {
        ChatResponse response = map(resource("chat-tool-calls.json"));

        ChatChoice choice = response.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        assertThat(choice.message().content().isNull()).isTrue();
        assertThat(choice.message().toolCalls()).containsExactly(
                ToolCall.of("get_weather_x1", "get_weather", "{\"city\":\"Paris\"}"),
                ToolCall.of("get_time_x2", "get_time", "{}"));
        assertThat(WireJson.mapper().writeValueAsString(response)).doesNotContain("I will look up");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"COMPLETE, stop", "STOP_SEQUENCE, stop", "MAX_TOKENS, length", "TOOL_CALL, tool_calls",
            "complete, stop", "max_tokens, length", "CONTENT_BLOCKED, content_filter", "SOMETHING_NEW, stop"})
    void finishReasonsMapCaseInsensitively(String cohere, String openAi) {
        assertThat(map(answer(cohere)).choices().getFirst().finishReason()).isEqualTo(openAi);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ERROR, UPSTREAM_SERVER_ERROR", "error, UPSTREAM_SERVER_ERROR", "TIMEOUT, TIMEOUT",
            "ERROR_LIMIT, UPSTREAM_SERVER_ERROR"})
    void errorFinishReasonsAreFailures(String cohere, ErrorType type) {
        ProviderException error = catchThrowableOfType(ProviderException.class, () -> map(answer(cohere)));

        assertThat(error.type()).isEqualTo(type);
        assertThat(error.retriable()).isTrue();
    }

    @Test
    void tokensAreTheFallbackWhenNothingIsBilledAndCachedNeverExceedsThePrompt() {
        ChatResponse response = map("""
                {"id":"x","finish_reason":"COMPLETE","message":{"content":[{"type":"text","text":"ok"}]},
                "usage":{"tokens":{"input_tokens":9.0,"output_tokens":2.0},"cached_tokens":50}}""");

        assertThat(response.usage().promptTokens()).isEqualTo(9);
        assertThat(response.usage().completionTokens()).isEqualTo(2);
        assertThat(response.usage().cachedTokens()).isEqualTo(9);
        assertThat(response.id()).isEqualTo("x");
        assertThat(map("{\"finish_reason\":\"COMPLETE\",\"message\":{}}").id()).startsWith("chatcmpl-");
    }

    @Test
    void logprobsBecomeOpenAiEntriesWithoutAlternatives() {
        ChatResponse response = map("""
                {"id":"x","finish_reason":"COMPLETE","message":{"content":[{"type":"text","text":"Hi!"}]},
                "logprobs":[{"token_ids":[1],"text":"Hi","logprobs":[-0.5]},
                            {"token_ids":[2,3],"text":"!","logprobs":[-0.25,-0.25]}]}""");

        var logprobs = response.choices().getFirst().logprobs();
        assertThat(logprobs.at("/content/0/token").asString()).isEqualTo("Hi");
        assertThat(logprobs.at("/content/0/logprob").asDouble()).isEqualTo(-0.5);
        assertThat(logprobs.at("/content/1/logprob").asDouble()).isEqualTo(-0.5);
        assertThat(logprobs.at("/content/1/bytes/0").asInt()).isEqualTo('!');
        assertThat(logprobs.at("/content/1/top_logprobs").isEmpty()).isTrue();
        assertThat(map(resource("chat-text.json")).choices().getFirst().logprobs()).isNull();
    }

    @Test
    void anAnswerWithoutMessageIsMalformed() {
        ProviderException error = catchThrowableOfType(ProviderException.class,
                () -> map("{\"id\":\"x\",\"finish_reason\":\"COMPLETE\"}"));

        assertThat(error.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE);
    }

    private static String answer(String finishReason) {
        return "{\"id\":\"x\",\"finish_reason\":\"" + finishReason
                + "\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}}";
    }

    private static ChatResponse map(String json) {
        return CohereResponseMapper.toOpenAi(offlineEndpoint(), "command-a-03-2025", 1_700_000_000L,
                WireJson.mapper().readValue(json, CohereChatResponse.class));
    }
}
