package ai.switchboard.gateway.it.flavour;

import ai.switchboard.providers.testsupport.kit.SentRequest;
import ai.switchboard.providers.testsupport.kit.StreamTranscript;
import ai.switchboard.providers.testsupport.kit.UpstreamReply;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;

/**
 * One provider type as the end-to-end SDK tests see it: how a provider of that type is registered against a stub
 * upstream, how the stub answers in the provider's native format, and what the native request of a tool round trip
 * must hold. The replies are the contract kit's provider-neutral {@link UpstreamReply}s, so a flavour renders them
 * with the same code as its adapter's kit fixture. Adding a provider type to the SDK tests is one implementation of
 * this interface, listed in {@link ProviderFlavours#all()}.
 *
 * <p>Every stub lives under {@code /<prefix>} on the shared upstream server, so tests never see each other's stubs.
 */
public interface ProviderFlavour {

    /** The registry's provider {@code type}. */
    String type();

    /** The {@code upstream_model} of the gateway model (Azure: the deployment name). */
    String upstreamModel();

    /** The provider's {@code base_url} for a stub rooted at {@code upstreamRoot + "/" + prefix}. */
    String baseUrl(String upstreamRoot, String prefix);

    /** The provider's fake {@code api_key}; a flavour overrides it when its type expects another credential shape. */
    default String apiKey() {
        return "sk-test-upstream-key-not-real";
    }

    /** The provider's {@code settings}. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** Matches the native chat call the adapter sends under {@code prefix}, streamed or not, with its credential. */
    MappingBuilder chatCall(String prefix, boolean stream);

    /** A 200 answer with the native non-streamed body for {@code reply}. */
    ResponseDefinitionBuilder chatResponse(UpstreamReply reply);

    /** The native stream for {@code reply}, with the provider's end-of-stream marker. */
    StreamTranscript streamTranscript(UpstreamReply reply);

    /**
     * Checks the native request of a tool round trip's second leg: the assistant's call {@code callId} and the
     * tool's {@code result}, in the provider's own shape. The conversation is user, assistant (one call), tool.
     */
    void verifyToolResult(SentRequest sent, String callId, String result);
}
