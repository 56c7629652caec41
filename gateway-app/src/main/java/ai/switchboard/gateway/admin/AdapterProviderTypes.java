package ai.switchboard.gateway.admin;

import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.registry.provider.ProviderTypeInspector;
import ai.switchboard.routing.execution.ConcurrencyLimits;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The registry's view of the provider adapters: the types that exist are the adapters that exist, and each adapter
 * checks the settings and base URL it will read, so neither list is kept twice. The settings the gateway itself reads
 * for every type ({@value ConcurrencyLimits#SETTING}) are checked here and not shown to the adapter.
 */
@Component
class AdapterProviderTypes implements ProviderTypeInspector {

    /** Far above what one replica serves; a larger number is a typo, not a limit. */
    static final int MAX_LIMIT = 1_000_000;

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
        Map<String, String> forAdapter = new LinkedHashMap<>(settings == null ? Map.of() : settings);
        Map<String, String> problems = new LinkedHashMap<>();
        String limit = forAdapter.remove(ConcurrencyLimits.SETTING);
        if (limit != null && !isLimit(limit)) {
            problems.put("settings." + ConcurrencyLimits.SETTING,
                    "must be a whole number of calls from 1 to " + MAX_LIMIT + ", written as a string");
        }
        problems.putAll(adapters.forType(type).check(baseUrl, forAdapter));
        return problems;
    }

    private static boolean isLimit(String value) {
        if (value.isEmpty() || value.length() > 7 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int limit = Integer.parseInt(value);
        return limit >= 1 && limit <= MAX_LIMIT;
    }
}
