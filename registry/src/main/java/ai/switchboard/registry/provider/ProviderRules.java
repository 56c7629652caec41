package ai.switchboard.registry.provider;

import ai.switchboard.registry.admin.FieldErrors;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every rule a provider's fields must meet before it is saved: the ones the registry owns (names, lengths, ranges,
 * the shape of the base URL, headers) and, through {@link ProviderTypeInspector}, the ones its type's adapter owns
 * (which settings it reads and their values, whether it honours a query in the base URL).
 */
@Component
class ProviderRules {

    static final int MAX_API_KEY_LENGTH = 8192;
    static final int MAX_TIMEOUT_MS = 3_600_000;
    static final int MAX_SETTINGS = 32;
    static final int MAX_SETTING_LENGTH = 1024;

    private static final Pattern SETTING_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static final ProviderTypeInspector NO_TYPES = new ProviderTypeInspector() {
        @Override
        public Set<String> types() {
            return Set.of();
        }

        @Override
        public Map<String, String> inspect(String type, URI baseUrl, Map<String, String> settings) {
            return Map.of();
        }
    };

    private final ProviderTypeInspector inspector;

    /**
     * The inspector comes from the application, which knows the adapters; without one (a registry-only context) no
     * type is known and every provider write is rejected.
     */
    ProviderRules(ObjectProvider<ProviderTypeInspector> inspector) {
        this.inspector = inspector.getIfAvailable(() -> NO_TYPES);
    }

    /** The fields as given: each one that is set must be valid on its own. */
    void checkFields(FieldErrors errors, String name, String type, String baseUrl, String apiKey,
            Map<String, String> extraHeaders, Map<String, String> settings, Integer connectTimeoutMs,
            Integer responseTimeoutMs) {
        errors.name("name", name)
                .httpUrl("base_url", baseUrl)
                .text("api_key", apiKey, MAX_API_KEY_LENGTH)
                .range("connect_timeout_ms", connectTimeoutMs, 1, MAX_TIMEOUT_MS)
                .range("response_timeout_ms", responseTimeoutMs, 1, MAX_TIMEOUT_MS);
        if (apiKey != null && !apiKey.isEmpty() && !apiKey.equals(apiKey.strip())) {
            errors.add("api_key", "must not start or end with whitespace");
        }
        if (type != null && !inspector.types().contains(type)) {
            errors.add("type", "must be one of " + new TreeSet<>(inspector.types()));
        }
        ExtraHeaders.check(errors, extraHeaders);
        checkSettings(errors, settings);
    }

    /**
     * The combination the provider will have, as its type's adapter reads it. Run when the type, base URL or
     * settings change, and only once each is valid on its own.
     */
    void checkForType(FieldErrors errors, String type, String baseUrl, Map<String, String> settings) {
        if (errors.isEmpty() && inspector.types().contains(type)) {
            inspector.inspect(type, URI.create(baseUrl), settings).forEach(errors::add);
        }
    }

    private static void checkSettings(FieldErrors errors, Map<String, String> settings) {
        if (settings == null) {
            return;
        }
        errors.maxItems("settings", settings.keySet(), MAX_SETTINGS);
        settings.forEach((key, value) -> {
            if (key == null || !SETTING_KEY.matcher(key).matches()) {
                errors.add("settings", "setting names must be 1 to 64 lower-case letters, digits and _");
            } else if (value == null) {
                errors.add("settings." + key, "must be a string");
            } else {
                errors.text("settings." + key, value, MAX_SETTING_LENGTH);
            }
        });
    }
}
