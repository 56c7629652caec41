package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class ChatCompletionsIT extends GatewayIT {

    @Test
    void jsonChatIsProxiedWithTheUpstreamModelIdAndExplained() {
        String prefix = unique("chat");
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-4o-mini");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.chatCompletion("gpt-4o-mini", "Hello!"))));

        JsonNode body = http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"model":"%s","messages":[{"role":"user","content":"Hi"}],"temperature":0.5,
                         "metadata":{"trace":"x"},"reasoning_effort":"low","seed":7,"user":"u-1"}
                        """.formatted(prefix + "-m"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("x-request-id")
                .expectHeader().valueEquals("x-switchboard-model", prefix + "-m")
                .expectHeader().valueEquals("x-switchboard-provider", prefix + "-p")
                .expectHeader().valueEquals("x-switchboard-attempts", "1")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Hello!");
        assertThat(body.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(4);
        assertThat(body.path("service_tier").asString()).isEqualTo("default");
        UPSTREAM.verify(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-upstream-key"))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"temperature":0.5,
                         "metadata":{"trace":"x"},"reasoning_effort":"low","seed":7,"user":"u-1"}
                        """)));
    }

    @Test
    void toolCallsAndToolResultsPassThroughBothWays() {
        String prefix = unique("tools");
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-4o");
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(UpstreamBodies.toolCallCompletion("gpt-4o"))));
        String tools = """
                [{"type":"function","function":{"name":"get_weather","strict":true,"parameters":{
                  "$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                  "properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}}}]
                """;

        JsonNode body = http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"model":"%s","messages":[{"role":"user","content":"Weather?"},
                         {"role":"assistant","content":null,"tool_calls":[{"id":"call_0","type":"function",
                          "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                         {"role":"tool","tool_call_id":"call_0","content":"sunny"}],
                         "tools":%s,"tool_choice":"auto","parallel_tool_calls":true}
                        """.formatted(prefix + "-m", tools))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode calls = body.path("choices").get(0).path("message").path("tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(body.path("choices").get(0).path("finish_reason").asString()).isEqualTo("tool_calls");
        UPSTREAM.verify(postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.tools[0].function.parameters.$schema"))
                .withRequestBody(matchingJsonPath("$.tools[0].function.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("null")).or(
                        matchingJsonPath("$.messages[1].tool_calls[0].id", equalTo("call_0"))))
                .withRequestBody(matchingJsonPath("$.messages[2].tool_call_id", equalTo("call_0"))));
    }

    @Test
    void streamIsFramedAsOpenAiWithUsageOnlyWhenAskedFor() {
        String prefix = unique("stream");
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-4o-mini");
        String sse = UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("gpt-4o-mini"),
                UpstreamBodies.textChunk("gpt-4o-mini", "Hel", null),
                UpstreamBodies.textChunk("gpt-4o-mini", "lo", null),
                UpstreamBodies.textChunk("gpt-4o-mini", null, "stop"),
                UpstreamBodies.usageChunk("gpt-4o-mini")), true);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse)));

        String withUsage = stream(key, prefix + "-m", true);
        String withoutUsage = stream(key, prefix + "-m", false);

        assertThat(withUsage).startsWith("data: {").endsWith("data: [DONE]\n\n").contains("\"content\":\"Hel\"")
                .contains("\"choices\":[],\"usage\":{\"prompt_tokens\":9");
        assertThat(withoutUsage).endsWith("data: [DONE]\n\n").contains("\"content\":\"lo\"").doesNotContain("usage");
        UPSTREAM.verify(2, postRequestedFor(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true"))));
    }

    @Test
    void streamedToolCallFragmentsArriveUnchanged() {
        String prefix = unique("stream-tools");
        String key = fixtures.chatModel(prefix + "-m", prefix + "-p", upstreamBase(prefix), "gpt-4o");
        String sse = UpstreamBodies.sse(List.of(UpstreamBodies.roleChunk("gpt-4o"),
                UpstreamBodies.toolChunk("gpt-4o", "{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}"),
                UpstreamBodies.toolChunk("gpt-4o", "{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}"),
                UpstreamBodies.toolChunk("gpt-4o", "{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}"),
                UpstreamBodies.textChunk("gpt-4o", null, "tool_calls")), true);
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse)));

        String body = stream(key, prefix + "-m", false);

        assertThat(body).contains("\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]")
                .contains("{\"arguments\":\"{\\\"city\\\":\"}")
                .contains("{\"arguments\":\"\\\"Paris\\\"}\"}")
                .contains("\"finish_reason\":\"tool_calls\"")
                .endsWith("data: [DONE]\n\n");
    }

    private String stream(String key, String model, boolean includeUsage) {
        String options = includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "";
        return http.post().uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"stream\":true" + options
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
