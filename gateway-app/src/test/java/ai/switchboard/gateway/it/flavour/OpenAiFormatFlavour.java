package ai.switchboard.gateway.it.flavour;

import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.testsupport.kit.OpenAiWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The half shared by provider types whose upstream speaks the OpenAI format: bodies and streams from the kit's
 * {@link OpenAiWireFixture}, and a round trip that reaches the upstream as OpenAI messages.
 */
abstract class OpenAiFormatFlavour implements ProviderFlavour {

    @Override
    public ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", OpenAiWireFixture.chatBody(reply, upstreamModel()));
    }

    @Override
    public StreamTranscript streamTranscript(UpstreamReply reply) {
        return OpenAiWireFixture.transcript(OpenAiWireFixture.chunks(reply, upstreamModel()));
    }

    @Override
    public void verifyToolResult(SentRequest sent, String callId, String result) {
        JsonNode messages = sent.json().path("messages");
        assertThat(messages.at("/1/role").asString()).isEqualTo("assistant");
        assertThat(messages.at("/1/tool_calls/0/id").asString()).isEqualTo(callId);
        assertThat(messages.at("/2/role").asString()).isEqualTo("tool");
        assertThat(messages.at("/2/tool_call_id").asString()).isEqualTo(callId);
        assertThat(messages.at("/2/content").asString()).isEqualTo(result);
    }

    @Override
    public String toString() {
        return type();
    }
}
