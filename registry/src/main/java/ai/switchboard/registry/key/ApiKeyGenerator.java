package ai.switchboard.registry.key;

import java.security.SecureRandom;

/** Generates virtual API keys: {@code sk-sb-} followed by 40 URL-safe random characters (240 bits). */
public final class ApiKeyGenerator {

    /** Every generated key starts with this. */
    public static final String KEY_PREFIX = "sk-sb-";

    /** How many characters of a key are kept visible (stored and shown). */
    public static final int VISIBLE_CHARS = 10;

    static final int RANDOM_CHARS = 40;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final SecureRandom random;

    public ApiKeyGenerator() {
        this(new SecureRandom());
    }

    ApiKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    public GeneratedApiKey generate() {
        StringBuilder key = new StringBuilder(KEY_PREFIX.length() + RANDOM_CHARS).append(KEY_PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            // 64 symbols: nextInt(64) is unbiased.
            key.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return GeneratedApiKey.of(key.toString());
    }

    /** The visible prefix of any key: its first {@value #VISIBLE_CHARS} characters (fewer if it is shorter). */
    public static String prefixOf(String key) {
        return key.substring(0, Math.min(VISIBLE_CHARS, key.length()));
    }
}
