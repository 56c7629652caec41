package ai.switchboard.registry.crypto;

import ai.switchboard.registry.config.RegistryProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the master key: the configured property when set, else a key file under the data directory, created on
 * first start. The file keeps a single-node or local install working across restarts; production must set the
 * property (env {@code SWITCHBOARD_MASTER_KEY}) so that every replica shares one key.
 */
public final class MasterKeyResolver {

    /** The property operators set; named in every error so they know what to fix. */
    public static final String PROPERTY = RegistryProperties.PREFIX + ".master-key";

    static final String KEY_FILE = "master.key";

    private static final Logger log = LoggerFactory.getLogger(MasterKeyResolver.class);

    private MasterKeyResolver() {
    }

    /**
     * Returns the 32-byte master key.
     *
     * @param configured the property value, or {@code null}/blank when unset
     * @param dataDir where the generated key file lives when the property is unset
     * @throws IllegalStateException naming the property (or file) when the key is not valid base64 of 32 bytes
     */
    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "property " + PROPERTY);
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
                log.warn("No {} configured: generated a master key in {}. Production deployments must set "
                        + "SWITCHBOARD_MASTER_KEY (base64 of 32 random bytes) and keep it safe; every replica "
                        + "needs the same key.", PROPERTY, file.toAbsolutePath());
            } else {
                log.warn("No {} configured: using the master key file {}. Production deployments must set "
                        + "SWITCHBOARD_MASTER_KEY.", PROPERTY, file.toAbsolutePath());
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return decode(text, "key file " + file.toAbsolutePath() + " (used because " + PROPERTY + " is unset)");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key file " + file.toAbsolutePath()
                    + "; set " + PROPERTY + " instead", e);
        }
    }

    /** Where {@link #resolve} takes the key from, for messages that must tell an operator which key is in use. */
    public static String describeSource(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return "SWITCHBOARD_MASTER_KEY, property " + PROPERTY;
        }
        return "the key file " + dataDir.resolve(KEY_FILE).toAbsolutePath() + ", generated on this machine because "
                + "SWITCHBOARD_MASTER_KEY is unset";
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[CredentialCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] content = Base64.getEncoder().encode(key);
        try {
            // Create with owner-only permissions from the start, so the key is never briefly world-readable.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process created it concurrently; use theirs
        }
        Files.write(file, content);
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid master key in " + source + ": not valid base64");
        }
        if (key.length != CredentialCipher.KEY_BYTES) {
            throw new IllegalStateException("Invalid master key in " + source + ": must decode to "
                    + CredentialCipher.KEY_BYTES + " bytes, got " + key.length);
        }
        return key;
    }
}
