package ai.switchboard.gateway.it.flavour;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ai.switchboard.providers.bedrock.BedrockWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;

/**
 * Provider type {@code bedrock}, signed with SigV4 as most deployments are: the credential is the secret access key,
 * the access key id and region are settings (the stub's host names no region). Calls go to
 * {@code /model/{percent-encoded model id}/converse} and {@code /converse-stream}, and answers are Converse bodies
 * and binary event-stream transcripts from the kit's renderer.
 */
final class BedrockFlavour implements ProviderFlavour {

    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String REGION = "us-east-1";
    /** The request's signature, with the clock's own date: the gateway signs with the system clock. */
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/\\d{8}/" + REGION
            + "/bedrock/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}";

    @Override
    public String type() {
        return "bedrock";
    }

    @Override
    public String upstreamModel() {
        return "anthropic.claude-3-haiku-20240307-v1:0";
    }

    @Override
    public String baseUrl(String upstreamRoot, String prefix) {
        return upstreamRoot + "/" + prefix;
    }

    /** AWS's documented example secret access key: obviously not a real one. */
    @Override
    public String apiKey() {
        return "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("access_key_id", ACCESS_KEY_ID, "region", REGION);
    }

    @Override
    public MappingBuilder chatCall(String prefix, boolean stream) {
        return post(urlPathEqualTo("/" + prefix + "/model/anthropic.claude-3-haiku-20240307-v1%3A0/"
                + (stream ? "converse-stream" : "converse")))
                .withHeader("Authorization", matching(AUTHORIZATION))
                .withHeader("Accept", equalTo(stream ? BedrockWireFixture.EVENT_STREAM : "application/json"));
    }

    @Override
    public ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", BedrockWireFixture.converseBody(reply))
                .withHeader(BedrockWireFixture.REQUEST_ID_HEADER, BedrockWireFixture.REQUEST_ID);
    }

    @Override
    public StreamTranscript streamTranscript(UpstreamReply reply) {
        return BedrockWireFixture.transcript(reply);
    }

    @Override
    public void verifyToolResult(SentRequest sent, String callId, String result) {
        BedrockWireFixture.assertToolResultSent(sent.json(), callId, result);
    }

    @Override
    public String toString() {
        return type();
    }
}
