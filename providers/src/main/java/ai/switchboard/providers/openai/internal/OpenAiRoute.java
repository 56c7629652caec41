package ai.switchboard.providers.openai.internal;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import org.springframework.http.HttpHeaders;

/**
 * Where an OpenAI-format call goes and how it authenticates. The body and the answers are the same for every
 * upstream that speaks the format; the address and the credential header are what differ (OpenAI's
 * {@code {base}/chat/completions} with a bearer token, Azure's per-deployment URLs with an {@code api-key}).
 */
public interface OpenAiRoute {

    /**
     * The URL of {@code operation} (e.g. {@code /chat/completions}) for a request addressed to {@code model}.
     *
     * @throws ai.switchboard.providers.api.ProviderException when the request cannot be addressed
     */
    URI uri(ProviderEndpoint endpoint, String operation, String model);

    /** Adds the endpoint's credential, if it has one, to the request headers. */
    void authenticate(ProviderEndpoint endpoint, HttpHeaders headers);

    /** OpenAI's own addressing: the operation appended to the base URL, and {@code Authorization: Bearer}. */
    static OpenAiRoute standard() {
        return BearerRoute.INSTANCE;
    }
}
