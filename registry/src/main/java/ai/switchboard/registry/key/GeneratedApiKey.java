package ai.switchboard.registry.key;

import java.util.Objects;

/**
 * A freshly generated key. {@link #toString()} leaves the plaintext out so the value cannot leak into a log.
 *
 * @param plaintext the full key, to be shown to its owner once
 * @param prefix the visible start, safe to store and display
 * @param hash what is stored ({@link ApiKeyHasher#hash})
 */
public record GeneratedApiKey(String plaintext, String prefix, String hash) {

    /** The start of the visible prefix of a key known only by its hash. */
    public static final String HASH_PREFIX = "sha256:";

    public GeneratedApiKey {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(hash, "hash");
    }

    /** Describes a given plaintext key (e.g. one configured by an operator) the same way as a generated one. */
    public static GeneratedApiKey of(String plaintext) {
        return new GeneratedApiKey(plaintext, ApiKeyGenerator.prefixOf(plaintext), ApiKeyHasher.hash(plaintext));
    }

    /**
     * A key known only by its SHA-256 (declared by an operator who keeps the plaintext elsewhere). The plaintext is
     * empty and the visible prefix is taken from the hash, since the key's own start is unknown.
     */
    public static GeneratedApiKey ofHash(String hash) {
        return new GeneratedApiKey("", HASH_PREFIX + hash.substring(0, 8), hash);
    }

    @Override
    public String toString() {
        return "GeneratedApiKey[prefix=" + prefix + "]";
    }
}
