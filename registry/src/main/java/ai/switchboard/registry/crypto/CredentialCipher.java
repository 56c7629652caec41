package ai.switchboard.registry.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider credentials at rest with AES-256-GCM.
 *
 * <p>Text format: {@code v1:} + base64(iv[12] | ciphertext | tag[16]). The version prefix lets a later key or
 * algorithm coexist with rows written by this one. The provider id (and, for other secrets than the credential,
 * the field's name) is bound in as additional authenticated data, so a ciphertext copied onto another provider's row,
 * or into another field, fails to decrypt instead of leaking a secret there.
 */
public final class CredentialCipher {

    /** The master key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final String VERSION = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(byte[] masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("Master key must be " + KEY_BYTES + " bytes, got " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
    }

    /** Encrypts the credential {@code plaintext} of the provider {@code providerId}. */
    public String encrypt(String plaintext, UUID providerId) {
        return seal(plaintext, aad(providerId, null));
    }

    /** Encrypts another secret of the provider, bound to the field it is stored in (e.g. {@code extra_headers}). */
    public String encrypt(String plaintext, UUID providerId, String field) {
        return seal(plaintext, aad(providerId, Objects.requireNonNull(field, "field")));
    }

    /**
     * Decrypts a credential written by {@link #encrypt(String, UUID)}.
     *
     * @throws CredentialDecryptionException if the text is malformed, was tampered with, belongs to another provider,
     *     or was written with a different master key (GCM cannot tell these apart, by design)
     */
    public String decrypt(String ciphertext, UUID providerId) {
        return open(ciphertext, aad(providerId, null), "Credential of provider " + providerId);
    }

    /** Decrypts a secret written by {@link #encrypt(String, UUID, String)} for the same field. */
    public String decrypt(String ciphertext, UUID providerId, String field) {
        return open(ciphertext, aad(providerId, Objects.requireNonNull(field, "field")),
                "The " + field + " of provider " + providerId);
    }

    /** Encrypts with the given additional authenticated data; for values that belong to no provider. */
    String seal(String plaintext, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a value written by {@link #seal}; {@code what} names it in errors. */
    String open(String ciphertext, byte[] aad, String what) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (!ciphertext.startsWith(VERSION)) {
            throw new CredentialDecryptionException(what + " has an unknown format");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new CredentialDecryptionException(what + " is malformed");
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new CredentialDecryptionException(what + " is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(data, IV_BYTES)));
            cipher.updateAAD(aad);
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Deliberately no cause: it adds nothing an operator can act on and must not hint at key material.
            throw new CredentialDecryptionException(what + " cannot be decrypted: wrong master key or tampered data");
        }
    }

    private static byte[] aad(UUID providerId, String field) {
        Objects.requireNonNull(providerId, "providerId");
        // The credential's AAD is the bare id, as rows written before other fields were encrypted have it.
        String aad = field == null ? providerId.toString() : providerId + "/" + field;
        return aad.getBytes(StandardCharsets.US_ASCII);
    }
}
