package ai.switchboard.providers.testsupport;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Provider endpoints pointing at a local stub server. */
public final class TestEndpoints {

    /** A fake credential in OpenAI's format, so tests can assert it never leaks. */
    public static final String API_KEY = "sk-test-0123456789abcdefSECRET";

    private TestEndpoints() {
    }

    /** An endpoint of type {@code type} at {@code baseUrl} with the test key and short timeouts. */
    public static ProviderEndpoint endpoint(String type, String baseUrl) {
        return endpoint(type, baseUrl, Map.of(), Duration.ofSeconds(5));
    }

    /** As above, with extra headers and a response timeout (which also bounds the gap between stream reads). */
    public static ProviderEndpoint endpoint(String type, String baseUrl, Map<String, String> headers,
            Duration responseTimeout) {
        return named("test-" + type, type, baseUrl, headers, responseTimeout);
    }

    /**
     * An endpoint with its own name. Timeouts are built into the provider's cached client, so a test that needs
     * other timeouts than its neighbours must use another provider name (as a registry edit would bump the revision).
     */
    public static ProviderEndpoint named(String name, String type, String baseUrl, Map<String, String> headers,
            Duration responseTimeout) {
        return new ProviderEndpoint(name, type, URI.create(baseUrl), API_KEY, headers, Duration.ofSeconds(2),
                responseTimeout, Map.of(), 1);
    }
}
