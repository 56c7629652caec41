package ai.switchboard.providers.gemini.internal.mapper;

import static ai.switchboard.providers.gemini.GeminiWire.parse;
import static ai.switchboard.providers.gemini.GeminiWire.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.ToolCall;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.gemini.GeminiWire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiResponseMapperTests {

    @Test
    void textPartsAreJoinedWithoutThoughtsAndUsageHasOpenAiSemantics() {
        ChatResponse response = GeminiResponseMapper.toOpenAi(response("chat-text.json"), "gemini-x", false);

        assertThat(response.id()).isEqualTo("chatcmpl-resp-text-1");
        assertThat(response.object()).isEqualTo(ChatResponse.OBJECT);
        assertThat(response.model()).isEqualTo("gemini-2.5-flash");
        ChatChoice choice = response.choices().getFirst();
        assertThat(choice.message().role()).isEqualTo("assistant");
        assertThat(choice.message().content().asString()).isEqualTo("Paris is sunny today.");
        assertThat(choice.message().toolCalls()).isNull();
        assertThat(choice.finishReason()).isEqualTo("stop");
        Usage usage = response.usage();
        assertThat(usage.promptTokens()).as("prompt + tool-use prompt").isEqualTo(35);
        assertThat(usage.completionTokens()).as("candidates + thoughts").isEqualTo(31);
        assertThat(usage.totalTokens()).isEqualTo(66);
        assertThat(usage.cachedTokens()).isEqualTo(10);
        assertThat(usage.completionTokensDetails().reasoningTokens()).isEqualTo(24);
    }

    @Test
    void functionCallsBecomeToolCallsCarryingTheirSignatureAndStopBecomesToolCalls() {
        ChatResponse response = GeminiResponseMapper.toOpenAi(response("chat-tool-calls.json"), "m", false);

        ChatChoice choice = response.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        assertThat(choice.message().content().isNull()).isTrue();
        ToolCall weather = choice.message().toolCalls().get(0);
        ToolCall time = choice.message().toolCalls().get(1);
        assertThat(weather.type()).isEqualTo("function");
        assertThat(weather.function().name()).isEqualTo("get_weather");
        assertThat(weather.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(ToolCallIds.decode(weather.id()).signature()).isEqualTo("CiQBcsjafF+abc/xyz==");
        assertThat(weather.id()).startsWith("call_");
        assertThat(time.id()).startsWith("call_").isNotEqualTo(ToolCallIds.decode(weather.id()).callId());
        assertThat(ToolCallIds.decode(time.id()).signature()).isNull();
    }

    @Test
    void parallelToolCallsFalseKeepsTheFirstCall() {
        ChatResponse response = GeminiResponseMapper.toOpenAi(response("chat-tool-calls.json"), "m", true);

        assertThat(response.choices().getFirst().message().toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.function().name()).isEqualTo("get_weather"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"STOP, stop", "MAX_TOKENS, length", "SAFETY, content_filter", "RECITATION, content_filter",
            "PROHIBITED_CONTENT, content_filter", "SPII, content_filter", "IMAGE_SAFETY, content_filter",
            "OTHER, stop", "FINISH_REASON_UNSPECIFIED, stop", "SOME_FUTURE_REASON, stop"})
    void finishReasonsAreTranslated(String gemini, String openAi) {
        ChatResponse response = GeminiResponseMapper.toOpenAi(parse(GeminiWire.textEvent("x", gemini)), "m", false);

        assertThat(response.choices().getFirst().finishReason()).isEqualTo(openAi);
    }

    @Test
    void aBlockedPromptIsAContentFilterCompletionWithEmptyContent() {
        ChatResponse response = GeminiResponseMapper.toOpenAi(parse(GeminiWire.blockedPrompt()), "gemini-x", false);

        assertThat(response.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.finishReason()).isEqualTo("content_filter");
            assertThat(choice.message().content().asString()).isEmpty();
        });
        assertThat(response.usage().promptTokens()).isEqualTo(9);
    }

    @Test
    void aBrokenToolCallOrAnEmptyAnswerIsAnError() {
        assertThatThrownBy(() -> GeminiResponseMapper.toOpenAi(
                parse(GeminiWire.finishEvent("MALFORMED_FUNCTION_CALL")), "m", false))
                .isInstanceOfSatisfying(ProviderException.class,
                        failure -> assertThat(failure.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE));
        assertThatThrownBy(() -> GeminiResponseMapper.toOpenAi(parse("{\"modelVersion\":\"x\"}"), "m", false))
                .isInstanceOfSatisfying(ProviderException.class,
                        failure -> assertThat(failure.type()).isEqualTo(ErrorType.MALFORMED_RESPONSE));
    }

    @Test
    void logprobsAreTranslated() {
        ChatResponse response = GeminiResponseMapper.toOpenAi(parse("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Hi"}]},"finishReason":"STOP",
                 "logprobsResult":{"chosenCandidates":[{"token":"Hi","logProbability":-0.1}],
                   "topCandidates":[{"candidates":[{"token":"Hi","logProbability":-0.1},
                                                   {"token":"Hey","logProbability":-2.5}]}]}}]}"""), "m", false);

        var logprobs = response.choices().getFirst().logprobs();
        assertThat(logprobs.at("/content/0/token").asString()).isEqualTo("Hi");
        assertThat(logprobs.at("/content/0/logprob").asDouble()).isEqualTo(-0.1);
        assertThat(logprobs.at("/content/0/bytes")).hasSize(2);
        assertThat(logprobs.at("/content/0/top_logprobs/1/token").asString()).isEqualTo("Hey");
    }
}
