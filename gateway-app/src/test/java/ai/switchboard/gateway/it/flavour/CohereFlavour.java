package ai.switchboard.gateway.it.flavour;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ai.switchboard.providers.cohere.CohereWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Provider type {@code cohere}: the base URL is the API root, chat is {@code /v2/chat} streamed or not (the body's
 * {@code stream} decides) with a bearer key, and answers come from the kit's {@link CohereWireFixture}.
 */
final class CohereFlavour implements ProviderFlavour {

    @Override
    public String type() {
        return "cohere";
    }

    @Override
    public String upstreamModel() {
        return "command-a-03-2025";
    }

    @Override
    public String baseUrl(String upstreamRoot, String prefix) {
        return upstreamRoot + "/" + prefix;
    }

    @Override
    public String apiKey() {
        return "co-test-not-a-real-cohere-key";
    }

    @Override
    public MappingBuilder chatCall(String prefix, boolean stream) {
        MappingBuilder call = post(urlPathEqualTo("/" + prefix + "/v2/chat"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey()));
        return stream ? call.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                : call.withRequestBody(notContaining("\"stream\":true"));
    }

    @Override
    public ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", CohereWireFixture.chatBody(reply));
    }

    @Override
    public StreamTranscript streamTranscript(UpstreamReply reply) {
        return CohereWireFixture.transcript(reply);
    }

    @Override
    public void verifyToolResult(SentRequest sent, String callId, String result) {
        CohereWireFixture.assertToolResultSent(sent.json(), callId, result);
    }

    @Override
    public String toString() {
        return type();
    }
}
