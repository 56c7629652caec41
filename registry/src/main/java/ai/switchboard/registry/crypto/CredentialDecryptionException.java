package ai.switchboard.registry.crypto;

/** A stored credential could not be decrypted. The message names the provider, never key material. */
public class CredentialDecryptionException extends RuntimeException {

    public CredentialDecryptionException(String message) {
        super(message);
    }
}
