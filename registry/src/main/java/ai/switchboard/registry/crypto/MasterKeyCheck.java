package ai.switchboard.registry.crypto;

import java.nio.charset.StandardCharsets;

/**
 * A key-check value: a fixed text sealed with the master key exactly as credentials are (AES-256-GCM, random IV, its
 * own additional authenticated data). Opening it succeeds only with the key that sealed it, so a replica can tell
 * before serving anything whether its key is the one the database's secrets were written with.
 *
 * <p>Why this and not a hash or an HMAC of the key: it proves exactly what matters (this key opens what this
 * database holds) with the primitive that protects the credentials, so the key is never used with a second
 * algorithm; the random IV makes two deployments that share a key indistinguishable. It gives someone who reads the
 * database nothing the encrypted credentials do not already give: every stored ciphertext checks a guessed key just
 * as well, and a 256-bit random key cannot be searched. It stores neither the key nor anything derived from the key
 * alone.
 */
public final class MasterKeyCheck {

    private static final String PLAINTEXT = "switchboard master key check";
    private static final byte[] AAD = "switchboard:master-key-check:v1".getBytes(StandardCharsets.US_ASCII);

    private final CredentialCipher cipher;

    public MasterKeyCheck(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** A new check value for the cipher's key (a different text every time). */
    public String create() {
        return cipher.seal(PLAINTEXT, AAD);
    }

    /** Whether {@code checkValue} was created with the cipher's key. */
    public boolean matches(String checkValue) {
        if (checkValue == null) {
            return false;
        }
        try {
            return PLAINTEXT.equals(cipher.open(checkValue, AAD, "The master key check value"));
        } catch (CredentialDecryptionException wrongKey) {
            return false;
        }
    }
}
