package ai.switchboard.providers.openai.internal;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import org.springframework.http.HttpHeaders;

/** OpenAI's addressing, shared by every OpenAI-compatible server: {@code {baseUrl}{operation}}, bearer token. */
enum BearerRoute implements OpenAiRoute {
    INSTANCE;

    @Override
    public URI uri(ProviderEndpoint endpoint, String operation, String model) {
        return OpenAiClient.resolve(endpoint.baseUrl(), operation);
    }

    @Override
    public void authenticate(ProviderEndpoint endpoint, HttpHeaders headers) {
        // Local servers (vLLM, Ollama) often run without a key; an empty bearer header would be rejected by some.
        if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
            headers.setBearerAuth(endpoint.apiKey());
        }
    }
}
