package ai.switchboard.registry.provider;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Extra headers sometimes carry a credential (Azure's {@code api-key}, a proxy's {@code Authorization}). The admin
 * API shows the values of headers whose names do not look like one and masks the others; the audit log, which is
 * stored, masks every value (all are encrypted at rest, whatever their names); the snapshot keeps the real values.
 */
public final class SensitiveHeaders {

    static final String MASK = "********";

    private SensitiveHeaders() {
    }

    /** Whether a header's value is treated as a credential (masked, and refused inline in declarative files). */
    public static boolean isSensitive(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.contains("auth") || name.contains("key") || name.contains("token") || name.contains("secret")
                || name.contains("password") || name.contains("cookie") || name.contains("signature");
    }

    /** Every value masked, names kept: what the audit log records. */
    static Map<String, String> maskAll(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.keySet().forEach(name -> masked.put(name, MASK));
        return masked;
    }

    static Map<String, String> mask(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> masked.put(name, isSensitive(name) ? MASK : value));
        return masked;
    }
}
