package ai.switchboard.registry.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes virtual API keys for storage and look-up. Runs on the request path for every call, so it is a plain
 * SHA-256 (keys are 240 bits of randomness; a slow password hash would add latency and no security).
 */
public final class ApiKeyHasher {

    private static final HexFormat HEX = HexFormat.of();

    // MessageDigest is not thread-safe; one per thread avoids both contention and a provider look-up per call.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ApiKeyHasher::newDigest);

    private ApiKeyHasher() {
    }

    /** The SHA-256 of the key's UTF-8 bytes as 64 lower-case hex characters. */
    public static String hash(String key) {
        MessageDigest digest = SHA256.get();
        byte[] bytes = digest.digest(key.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
