package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, pointed at the running gateway, works as it does against OpenAI. */
class OpenAiSdkIT extends GatewayIT {

    private String prefix;
    private OpenAIClient client;

    @BeforeEach
    void sdk() {
        prefix = unique("sdk");
        fixtures.provider(prefix + "-p", upstreamBase(prefix));
        fixtures.model(prefix + "-chat", prefix + "-p", "gpt-4o-mini", "chat", "streaming", "tools");
        fixtures.model(prefix + "-emb", prefix + "-p", "text-embedding-3-small", "embeddings");
        String key = fixtures.key(prefix + "-k");
        client = OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + port + "/v1")
                .apiKey(key)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void chat() {
        stubChat(aResponse().withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.chatCompletion("gpt-4o-mini", "Hello from upstream")));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(prefix + "-chat").addUserMessage("Hi").build());

        assertThat(completion.choices().get(0).message().content()).hasValue("Hello from upstream");
        assertThat(completion.usage().get().totalTokens()).isEqualTo(15);
    }

    @Test
    void streaming() {
        stubChat(aResponse().withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(List.of(
                UpstreamBodies.roleChunk("gpt-4o-mini"), UpstreamBodies.textChunk("gpt-4o-mini", "Hel", null),
                UpstreamBodies.textChunk("gpt-4o-mini", "lo", null), UpstreamBodies.textChunk("gpt-4o-mini", null, "stop"),
                UpstreamBodies.usageChunk("gpt-4o-mini")), true)));

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(prefix + "-chat").addUserMessage("Hi")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            chunks = stream.stream().toList();
        }

        String text = chunks.stream().flatMap(c -> c.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining());
        assertThat(text).isEqualTo("Hello");
        assertThat(chunks.get(chunks.size() - 1).usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(11));
    }

    @Test
    void toolCallRoundTrip() {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.toolCallCompletion("gpt-4o-mini"))));
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("\"tool_call_id\":\"call_a\""))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("gpt-4o-mini", "It is sunny in Paris"))));
        ChatCompletionFunctionTool weather = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build())
                .build()).build();
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(prefix + "-chat").addUserMessage("Weather in Paris?").addTool(weather);

        ChatCompletion first = client.chat().completions().create(conversation.build());
        ChatCompletionMessageFunctionToolCall call = first.choices().get(0).message().toolCalls().get().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");

        conversation.addMessage(first.choices().get(0).message());
        first.choices().get(0).message().toolCalls().get().forEach(toolCall -> conversation.addMessage(
                ChatCompletionToolMessageParam.builder().toolCallId(toolCall.asFunction().id()).content("sunny").build()));
        ChatCompletion second = client.chat().completions().create(conversation.build());

        assertThat(second.choices().get(0).message().content()).hasValue("It is sunny in Paris");
        UPSTREAM.verify(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.messages[1].tool_calls[0].id", equalTo("call_a")))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("tool"))));
    }

    @Test
    void embeddings() {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(UpstreamBodies.embeddings("text-embedding-3-small"))));

        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model(prefix + "-emb").input("hello").encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                .build());

        assertThat(response.data()).hasSize(2);
        assertThat(response.data().get(0).embedding()).containsExactly(0.1f, -0.2f, 0.3f);
    }

    @Test
    void errorsSurfaceAsTheSdksTypedExceptions() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("no-such-model").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).hasValue("model_not_found");
                    assertThat(e.param()).hasValue("model");
                    assertThat(e.type()).hasValue("invalid_request_error");
                });

        stubChat(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(prefix + "-chat").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.headers().values("Retry-After")).containsExactly("1"));
    }

    private void stubChat(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions")).willReturn(response));
    }
}
