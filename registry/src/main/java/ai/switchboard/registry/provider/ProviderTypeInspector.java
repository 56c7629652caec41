package ai.switchboard.registry.provider;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Knows the provider types and what each one reads. The adapters live in the providers module, which the registry
 * does not depend on, so the registry asks through this interface (implemented from the adapter beans) before it
 * saves a provider.
 */
public interface ProviderTypeInspector {

    /** The provider types an adapter serves. */
    Set<String> types();

    /**
     * What the adapter of {@code type} finds wrong with a provider's base URL and settings.
     *
     * @param baseUrl an absolute http(s) URL with a host, already checked by the registry
     * @return messages keyed by field ({@code settings.<key>} or {@code base_url}); empty when valid
     */
    Map<String, String> inspect(String type, URI baseUrl, Map<String, String> settings);
}
