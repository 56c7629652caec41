package ai.switchboard.providers.api;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Collects what an adapter finds wrong with a provider definition before it is saved (see
 * {@link ProviderAdapter#check}), keyed by the admin API's field: {@code settings.<key>} or {@code base_url}. An
 * adapter names the settings it reads and checks them the way it will read them, so a typo or a value the adapter
 * would silently replace by a default is refused when it is written, not discovered on the first call.
 */
public final class ProviderConfigCheck {

    private final String type;
    private final URI baseUrl;
    private final Map<String, String> settings;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private ProviderConfigCheck(String type, URI baseUrl, Map<String, String> settings) {
        this.type = type;
        this.baseUrl = baseUrl;
        this.settings = settings == null ? Map.of() : settings;
    }

    public static ProviderConfigCheck of(String type, URI baseUrl, Map<String, String> settings) {
        return new ProviderConfigCheck(type, baseUrl, settings);
    }

    /** Refuses every setting not in {@code keys}, the settings this adapter reads. */
    public ProviderConfigCheck reads(Set<String> keys) {
        for (String key : settings.keySet()) {
            if (!keys.contains(key)) {
                problem(key, keys.isEmpty() ? "unknown setting; provider type '" + type + "' reads no settings"
                        : "unknown setting; provider type '" + type + "' reads " + new TreeSet<>(keys));
            }
        }
        return this;
    }

    /**
     * Runs the adapter's own reader of the settings; an {@link InvalidSettingException} it throws becomes a problem
     * on that setting. Used where settings depend on one another, so the check and the adapter cannot disagree.
     */
    public ProviderConfigCheck parses(Consumer<Map<String, String>> reader) {
        try {
            reader.accept(settings);
        } catch (InvalidSettingException e) {
            problem(e.setting(), e.getMessage());
        }
        return this;
    }

    /** When {@code key} is set, its value must pass {@code valid}. */
    public ProviderConfigCheck value(String key, Predicate<String> valid, String message) {
        String value = settings.get(key);
        if (value != null && !valid.test(value)) {
            problem(key, message);
        }
        return this;
    }

    /** Refuses a query in the base URL, for a type that builds its addresses without it. */
    public ProviderConfigCheck noQuery() {
        if (baseUrl != null && baseUrl.getRawQuery() != null) {
            problems.put("base_url", "must not have a query: provider type '" + type + "' does not send it");
        }
        return this;
    }

    /** A problem on one setting, for rules the other methods do not express. */
    public ProviderConfigCheck problem(String key, String message) {
        problems.putIfAbsent("settings." + key, message);
        return this;
    }

    /** The settings being checked. */
    public Map<String, String> settings() {
        return settings;
    }

    /** The base URL being checked. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Messages by field; empty when the definition is valid. */
    public Map<String, String> problems() {
        return Collections.unmodifiableMap(problems);
    }
}
