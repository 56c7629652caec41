package ai.switchboard.gateway.admin;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.registry.provider.ProviderTypeInspector;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The registry's view of the provider adapters: the types that exist are the adapters that exist, and each adapter
 * checks the settings and base URL it will read, so neither list is kept twice.
 */
@Component
class AdapterProviderTypes implements ProviderTypeInspector {

    private final ProviderAdapters adapters;

    AdapterProviderTypes(ProviderAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public Set<String> types() {
        return adapters.types();
    }

    @Override
    public Map<String, String> inspect(String type, URI baseUrl, Map<String, String> settings) {
        return adapters.forType(type).check(baseUrl, settings);
    }
}
