package ai.switchboard.registry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialCipherTests {

    private final CredentialCipher cipher = new CredentialCipher(randomKey());
    private final UUID provider = UUID.randomUUID();

    @Test
    void roundTripsAndNeverRepeatsCiphertext() {
        String first = cipher.encrypt("sk-live-secret", provider);
        String second = cipher.encrypt("sk-live-secret", provider);

        assertThat(first).startsWith("v1:").doesNotContain("sk-live-secret").isNotEqualTo(second);
        assertThat(cipher.decrypt(first, provider)).isEqualTo("sk-live-secret");
        assertThat(cipher.decrypt(second, provider)).isEqualTo("sk-live-secret");
    }

    @Test
    void detectsTampering() {
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("secret", provider).substring(3));
        raw[raw.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(tampered, provider))
                .isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining(provider.toString());
    }

    @Test
    void rejectsAnotherMasterKey() {
        String sealed = cipher.encrypt("secret", provider);

        assertThatThrownBy(() -> new CredentialCipher(randomKey()).decrypt(sealed, provider))
                .isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("wrong master key");
    }

    @Test
    void bindsCiphertextToItsProvider() {
        String sealed = cipher.encrypt("secret", provider);

        assertThatThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID()))
                .isInstanceOf(CredentialDecryptionException.class);
    }

    @Test
    void bindsOtherSecretsToTheirFieldAndProvider() {
        String headers = cipher.encrypt("{\"X-Secret-Hdr\":\"canary\"}", provider, "extra_headers");

        assertThat(cipher.decrypt(headers, provider, "extra_headers")).isEqualTo("{\"X-Secret-Hdr\":\"canary\"}");
        assertThatThrownBy(() -> cipher.decrypt(headers, provider))
                .isInstanceOf(CredentialDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(headers, UUID.randomUUID(), "extra_headers"))
                .isInstanceOf(CredentialDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(cipher.encrypt("sk-credential", provider), provider, "extra_headers"))
                .isInstanceOf(CredentialDecryptionException.class).hasMessageContaining("extra_headers")
                .hasMessageNotContaining("sk-credential");
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> cipher.decrypt("plain-text", provider)).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> cipher.decrypt("v1:!!!", provider)).hasMessageContaining("malformed");
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA", provider)).hasMessageContaining("truncated");
    }

    @Test
    void requiresA256BitKey() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[16])).hasMessageContaining("32 bytes");
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
