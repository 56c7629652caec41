package ai.switchboard.registry.provider;

import ai.switchboard.registry.crypto.CredentialCipher;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the secrets of a provider row: the credential, and the extra headers as one JSON object (any
 * header may carry a credential, whatever its name), each encrypted with the master key and bound to the provider.
 */
@Component
public class ProviderSecrets {

    /** The field name bound into the headers' ciphertext. */
    public static final String EXTRA_HEADERS = "extra_headers";

    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    private final CredentialCipher cipher;

    public ProviderSecrets(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /** The decrypted secrets of a provider. {@link #toString()} leaves them out. */
    public record Decrypted(String apiKey, Map<String, String> extraHeaders) {

        @Override
        public String toString() {
            return "Decrypted[apiKeySet=" + (apiKey != null) + ", extraHeaders=" + extraHeaders.keySet() + "]";
        }
    }

    /** Encrypts and stores the credential; {@code null} removes it. */
    public void setApiKey(ProviderEntity provider, String apiKey) {
        provider.setApiKeyCiphertext(apiKey == null ? null : cipher.encrypt(apiKey, provider.getId()));
    }

    /** Encrypts and stores the headers (none: no ciphertext at all). */
    public void setExtraHeaders(ProviderEntity provider, Map<String, String> headers) {
        provider.setExtraHeadersCiphertext(seal(provider.getId(), headers));
    }

    /**
     * Both secrets in plaintext.
     *
     * @throws CredentialDecryptionException if either cannot be decrypted with this master key
     */
    public Decrypted decrypt(ProviderEntity provider) {
        String apiKey = provider.getApiKeyCiphertext() == null ? null
                : cipher.decrypt(provider.getApiKeyCiphertext(), provider.getId());
        return new Decrypted(apiKey, extraHeaders(provider));
    }

    /**
     * The extra headers in plaintext, in the order they were given.
     *
     * @throws CredentialDecryptionException if they cannot be decrypted with this master key
     */
    public Map<String, String> extraHeaders(ProviderEntity provider) {
        // Headers an older version wrote in plaintext are newer than any ciphertext: it never wrote one.
        if (provider.getExtraHeadersCiphertext() == null || !provider.getPlaintextExtraHeaders().isEmpty()) {
            return new LinkedHashMap<>(provider.getPlaintextExtraHeaders());
        }
        String json = cipher.decrypt(provider.getExtraHeadersCiphertext(), provider.getId(), EXTRA_HEADERS);
        try {
            return JsonMapper.shared().readValue(json, HEADERS);
        } catch (JacksonException e) {
            throw new CredentialDecryptionException("The " + EXTRA_HEADERS + " of provider " + provider.getId()
                    + " decrypt to something that is not a JSON object of strings");
        }
    }

    /** The ciphertext of {@code headers} for the provider {@code providerId}, or {@code null} for none. */
    String seal(UUID providerId, Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        return cipher.encrypt(JsonMapper.shared().writeValueAsString(new LinkedHashMap<>(headers)), providerId,
                EXTRA_HEADERS);
    }
}
