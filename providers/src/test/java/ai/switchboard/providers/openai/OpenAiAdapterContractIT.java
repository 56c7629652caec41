package ai.switchboard.providers.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.testsupport.TestEndpoints;
import ai.switchboard.providers.testsupport.kit.Feature;
import ai.switchboard.providers.testsupport.kit.KitRequests;
import ai.switchboard.providers.testsupport.kit.OpenAiWireFixture;
import ai.switchboard.providers.testsupport.kit.ProviderAdapterContractKit;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The OpenAI adapter against the contract kit; OpenAI's format is the canonical one, so requests pass through. */
class OpenAiAdapterContractIT extends ProviderAdapterContractKit {

    @Override
    protected ProviderAdapter createAdapter(ProviderHttpClients clients) {
        return new OpenAiAdapter(clients);
    }

    @Override
    protected ProviderEndpoint endpoint(String name, String stubBaseUrl, Duration responseTimeout) {
        return TestEndpoints.named(name, OpenAiAdapter.TYPE, stubBaseUrl + "/v1", Map.of(), responseTimeout);
    }

    @Override
    protected String model() {
        return "gpt-4o";
    }

    @Override
    protected Set<Feature> features() {
        return EnumSet.allOf(Feature.class);
    }

    @Override
    protected MappingBuilder chatCall(boolean stream) {
        return post("/v1/chat/completions");
    }

    @Override
    protected ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okJson(OpenAiWireFixture.chatBody(reply, model()));
    }

    @Override
    protected StreamTranscript streamTranscript(UpstreamReply reply) {
        return OpenAiWireFixture.transcript(OpenAiWireFixture.chunks(reply, model()));
    }

    @Override
    protected ResponseDefinitionBuilder errorResponse(int status, String message) {
        String type = status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
        String code = status == 429 ? "rate_limit_exceeded" : status == 401 ? "invalid_api_key" : null;
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(OpenAiWireFixture.errorBody(message, type, code));
    }

    @Override
    protected void verifyPlainChat(SentRequest sent, boolean stream) {
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TestEndpoints.API_KEY);
        JsonNode body = sent.json();
        assertThat(body.path("model").asString()).isEqualTo(model());
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asString()).isEqualTo(KitRequests.USER_TEXT);
        if (stream) {
            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        }
        else {
            assertThat(body.has("stream")).isFalse();
        }
    }

    @Override
    protected void verifySystemPrompt(SentRequest sent) {
        assertThat(sent.json().at("/messages/0/role").asString()).isEqualTo("system");
        assertThat(sent.json().at("/messages/0/content").asString()).isEqualTo(KitRequests.SYSTEM_TEXT);
    }

    @Override
    protected void verifyMultiTurn(SentRequest sent) {
        JsonNode messages = sent.json().path("messages");
        assertThat(messages.valueStream().map(message -> message.path("role").asString()))
                .containsExactly("user", "assistant", "user");
        assertThat(messages.valueStream().map(message -> message.path("content").asString()))
                .containsExactlyElementsOf(KitRequests.TURNS);
    }

    @Override
    protected void verifyToolsOffered(SentRequest sent) {
        JsonNode body = sent.json();
        assertThat(body.path("tools")).isEqualTo(WireJson.mapper().valueToTree(KitRequests.withTools(model()).tools()));
        assertThat(body.path("tool_choice").asString()).isEqualTo("auto");
    }

    @Override
    protected void verifyToolResult(SentRequest sent) {
        JsonNode messages = sent.json().path("messages");
        JsonNode call = messages.at("/1/tool_calls/0");
        assertThat(call.path("id").asString()).isEqualTo(KitRequests.TOOL_CALL_ID);
        assertThat(call.at("/function/arguments").asString()).isEqualTo(KitRequests.TOOL_ARGUMENTS);
        assertThat(messages.at("/2/role").asString()).isEqualTo("tool");
        assertThat(messages.at("/2/tool_call_id").asString()).isEqualTo(KitRequests.TOOL_CALL_ID);
        assertThat(messages.at("/2/content").asString()).isEqualTo(KitRequests.TOOL_RESULT);
    }

    @Override
    protected void verifyImage(SentRequest sent, String url) {
        JsonNode part = sent.json().at("/messages/0/content/1");
        assertThat(part.path("type").asString()).isEqualTo("image_url");
        assertThat(part.at("/image_url/url").asString()).isEqualTo(url);
        assertThat(part.at("/image_url/detail").asString()).isEqualTo("low");
    }

    @Override
    protected void verifyJsonMode(SentRequest sent, ResponseFormat format) {
        assertThat(sent.json().path("response_format")).isEqualTo(WireJson.mapper().valueToTree(format));
    }

    @Override
    protected void verifyStopSequence(SentRequest sent) {
        assertThat(sent.json().at("/stop/0").asString()).isEqualTo(KitRequests.STOP_SEQUENCE);
    }

    @Override
    protected void verifyMaxTokens(SentRequest sent) {
        assertThat(sent.json().path("max_completion_tokens").asInt()).isEqualTo(KitRequests.MAX_TOKENS);
    }
}
