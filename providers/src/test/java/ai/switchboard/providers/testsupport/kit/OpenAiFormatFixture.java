package ai.switchboard.providers.testsupport.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.json.WireJson;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fixture half shared by adapters whose upstream speaks the OpenAI format (OpenAI and compatible servers,
 * Azure OpenAI): replies rendered by {@link OpenAiWireFixture}, and the request checks of a format that passes the
 * canonical request through. A concrete fixture adds the wiring, the call matcher and {@link #verifyAddress}.
 */
public abstract class OpenAiFormatFixture extends ProviderAdapterContractKit {

    /** Checks the URL and credential of a chat call. */
    protected abstract void verifyAddress(SentRequest sent);

    @Override
    protected Set<Feature> features() {
        return EnumSet.allOf(Feature.class);
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
        verifyAddress(sent);
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
