package ai.switchboard.gateway.it.flavour;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ai.switchboard.providers.gemini.GeminiWireFixture;
import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Provider type {@code gemini}: the base URL is the API root, the adapter adds {@code /v1beta/models/{model}} and
 * picks the method ({@code :generateContent}, or {@code :streamGenerateContent?alt=sse}), the key travels in
 * {@code x-goog-api-key}, and answers come from the kit's {@link GeminiWireFixture}.
 */
final class GeminiFlavour implements ProviderFlavour {

    private static final String MODEL = "gemini-2.5-flash";

    @Override
    public String type() {
        return "gemini";
    }

    @Override
    public String upstreamModel() {
        return MODEL;
    }

    @Override
    public String baseUrl(String upstreamRoot, String prefix) {
        return upstreamRoot + "/" + prefix;
    }

    @Override
    public String apiKey() {
        return "AIzaSyTEST-not-a-real-gemini-key";
    }

    @Override
    public MappingBuilder chatCall(String prefix, boolean stream) {
        String models = "/" + prefix + "/v1beta/models/" + MODEL;
        MappingBuilder call = stream
                ? post(urlPathEqualTo(models + ":streamGenerateContent")).withQueryParam("alt", equalTo("sse"))
                : post(urlPathEqualTo(models + ":generateContent"));
        return call.withHeader("x-goog-api-key", equalTo(apiKey()));
    }

    @Override
    public ResponseDefinitionBuilder chatResponse(UpstreamReply reply) {
        return okForContentType("application/json", GeminiWireFixture.responseBody(reply, MODEL));
    }

    @Override
    public StreamTranscript streamTranscript(UpstreamReply reply) {
        return GeminiWireFixture.transcript(reply, MODEL);
    }

    @Override
    public void verifyToolResult(SentRequest sent, String callId, String result) {
        GeminiWireFixture.assertToolResultSent(sent.json(), callId, result);
    }

    @Override
    public String toString() {
        return type();
    }
}
