package ai.switchboard.gateway.it.flavour;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ai.switchboard.providers.anthropic.AnthropicWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Provider type {@code anthropic}: the base URL is the API root, calls go to {@code /v1/messages} with the version
 * header, and answers are Messages bodies and {@code event:}/{@code data:} streams from the kit's renderer.
 */
final class AnthropicFlavour implements ProviderFlavour {

    @Override
    public String type() {
        return "anthropic";
    }

    @Override
    public String upstreamModel() {
        return "claude-sonnet-4-5";
    }

    @Override
    public String baseUrl(String upstreamRoot, String prefix) {
        return upstreamRoot + "/" + prefix;
    }

    @Override
    public MappingBuilder chatCall(String prefix, boolean stream) {
        MappingBuilder call = post(urlPathEqualTo("/" + prefix + "/v1/messages"))
                .withHeader("anthropic-version", equalTo(AnthropicWireFixture.VERSION))
                .withHeader("x-api-key", equalTo(apiKey()));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\":true"));
    }

    @Override
    public ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", AnthropicWireFixture.messageBody(reply, upstreamModel()));
    }

    @Override
    public StreamTranscript streamTranscript(UpstreamReply reply) {
        return AnthropicWireFixture.transcript(reply, upstreamModel());
    }

    @Override
    public void verifyToolResult(SentRequest sent, String callId, String result) {
        AnthropicWireFixture.assertToolResultSent(sent.json(), callId, result);
    }

    @Override
    public String toString() {
        return type();
    }
}
