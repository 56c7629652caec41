package ai.switchboard.providers.error;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks the secrets configured for one provider in text that came back from it: the credential (whole and each
 * {@code :}-separated part, as Bedrock packs {@code secret:sessionToken}), every extra header value (whole, and the
 * credential of a {@code <scheme> <credential>} value even when echoed alone), the values of settings whose names say
 * they hold a credential, and any user info in the base URL. Each also in its URL-encoded and JSON-escaped spelling,
 * since upstreams echo what they received in those forms too. Then anything shaped like a well-known key format.
 *
 * <p>Built from the endpoint each time a failure is classified: only error paths pay, the success path never does.
 * Values shorter than {@value #MIN_SECRET_LENGTH} characters are not masked: they are not credentials worth the
 * name, and masking {@code "1"} or {@code "true"} everywhere would garble every message.
 */
public final class SecretRedactor {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    static final int MIN_SECRET_LENGTH = 8;

    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern SECRET_KEY = Pattern.compile("\\b(sk|pk|rk)-[A-Za-z0-9_*.-]{6,}");
    private static final Pattern GOOGLE_KEY = Pattern.compile("AIza[0-9A-Za-z_-]{20,}");
    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}\\b");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    /** What URL encoding leaves as it is; other values get their encoded spelling too. */
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9.*_-]*");
    private static final Pattern JSON_SPECIAL = Pattern.compile("[\"\\\\/\\x00-\\x1f]");
    private static final List<String> SECRET_SETTING_WORDS = List.of("key", "token", "secret", "password",
            "credential", "auth");

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The redactor for everything configured as secret on {@code endpoint}. */
    public static SecretRedactor of(ProviderEndpoint endpoint) {
        Set<String> values = new LinkedHashSet<>();
        addWithParts(values, endpoint.apiKey(), ":");
        endpoint.headers().values().forEach(value -> {
            add(values, value);
            String[] words = WORDS.split(value.strip());
            if (words.length == 2) {
                add(values, words[1]); // "<scheme> <credential>", as in Authorization headers
            }
        });
        endpoint.settings().forEach((name, value) -> {
            if (isSecretSetting(name)) {
                addWithParts(values, value, ":");
            }
        });
        addWithParts(values, endpoint.baseUrl().getUserInfo(), ":");
        addWithParts(values, endpoint.baseUrl().getRawUserInfo(), ":");
        Set<String> spellings = new LinkedHashSet<>();
        for (String value : values) {
            spellings.add(value);
            if (!URL_SAFE.matcher(value).matches()) {
                spellings.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
            if (JSON_SPECIAL.matcher(value).find()) {
                spellings.add(jsonEscaped(value));
            }
        }
        List<String> ordered = new ArrayList<>(spellings);
        // Longest first, so a whole value is masked before a part of it could split it into unmatchable pieces.
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretRedactor(List.copyOf(ordered));
    }

    /** Whether a setting's name says it holds a credential (e.g. {@code access_key_id}, {@code session_token}). */
    static boolean isSecretSetting(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_SETTING_WORDS.stream().anyMatch(lower::contains);
    }

    /** The text with every configured secret and every well-known key shape masked; {@code null} stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = redactConfigured(text);
        // A substring test first: most texts have none of these shapes, and a regex scan costs far more.
        if (masked.contains("earer") || masked.contains("EARER")) {
            masked = BEARER.matcher(masked).replaceAll("Bearer " + MASK);
        }
        if (masked.contains("k-")) {
            masked = SECRET_KEY.matcher(masked).replaceAll("$1-" + MASK);
        }
        if (masked.contains("AIza")) {
            masked = GOOGLE_KEY.matcher(masked).replaceAll("AIza" + MASK);
        }
        if (masked.contains("AKIA") || masked.contains("ASIA") || masked.contains("ABIA") || masked.contains("ACCA")) {
            masked = AWS_ACCESS_KEY_ID.matcher(masked).replaceAll("$1" + MASK);
        }
        return masked;
    }

    /**
     * The text with only the configured secrets masked, for texts the gateway wrote itself from upstream fragments
     * (a finish reason, an error kind), where a key-shaped pattern could only be a false alarm.
     */
    public String redactConfigured(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** Whether the text holds a configured secret. */
    public boolean revealsConfigured(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private static void addWithParts(Set<String> values, String value, String separator) {
        if (value == null) {
            return;
        }
        add(values, value);
        for (String part : value.split(Pattern.quote(separator))) {
            add(values, part);
        }
    }

    private static void add(Set<String> values, String value) {
        if (value != null && value.length() >= MIN_SECRET_LENGTH) {
            values.add(value);
        }
    }

    private static String jsonEscaped(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '/' -> escaped.append("\\/");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
