package ai.switchboard.providers;

import ai.switchboard.providers.api.ProviderAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The adapters the gateway knows, by provider type. Built once at start-up from every {@link ProviderAdapter} bean;
 * looking one up is a map read on the hot path.
 */
public final class ProviderAdapters {

    private final Map<String, ProviderAdapter> byType;

    public ProviderAdapters(List<? extends ProviderAdapter> adapters) {
        Map<String, ProviderAdapter> map = new HashMap<>();
        for (ProviderAdapter adapter : adapters) {
            String type = normalize(adapter.type());
            ProviderAdapter previous = map.putIfAbsent(type, adapter);
            if (previous != null) {
                throw new IllegalArgumentException("Two adapters serve provider type '" + type + "': "
                        + previous.getClass().getName() + " and " + adapter.getClass().getName());
            }
        }
        this.byType = Map.copyOf(map);
    }

    /**
     * The adapter for a provider type (case-insensitive).
     *
     * @throws IllegalArgumentException when no adapter serves the type: a configuration error, which the registry
     *     should have rejected when the provider was saved (see {@link #supports(String)})
     */
    public ProviderAdapter forType(String type) {
        ProviderAdapter adapter = type == null ? null : byType.get(normalize(type));
        if (adapter == null) {
            throw new IllegalArgumentException("No adapter for provider type '" + type + "'; known types: " + types());
        }
        return adapter;
    }

    /** Whether an adapter serves this type, for validating provider definitions before they are saved. */
    public boolean supports(String type) {
        return type != null && byType.containsKey(normalize(type));
    }

    /** The known types, sorted. */
    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    private static String normalize(String type) {
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
