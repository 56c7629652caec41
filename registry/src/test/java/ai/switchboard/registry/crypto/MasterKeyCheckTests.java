package ai.switchboard.registry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MasterKeyCheckTests {

    private final CredentialCipher cipher = new CredentialCipher(CredentialCipherTests.randomKey());
    private final MasterKeyCheck check = new MasterKeyCheck(cipher);

    @Test
    void opensOnlyWithTheKeyThatMadeIt() {
        String value = check.create();

        assertThat(check.matches(value)).isTrue();
        assertThat(new MasterKeyCheck(new CredentialCipher(CredentialCipherTests.randomKey())).matches(value))
                .isFalse();
    }

    @Test
    void isDifferentEveryTimeAndHoldsNoKeyMaterial() {
        String first = check.create();
        String second = check.create();

        assertThat(first).isNotEqualTo(second).startsWith("v1:");
        assertThat(check.matches(second)).isTrue();
    }

    @Test
    void isNotACredentialOfAnyProviderNorTheOtherWayRound() {
        UUID provider = UUID.randomUUID();

        assertThat(check.matches(cipher.encrypt("switchboard master key check", provider))).isFalse();
    }

    @Test
    void refusesGarbageWithoutThrowing() {
        assertThat(check.matches(null)).isFalse();
        assertThat(check.matches("plaintext")).isFalse();
        assertThat(check.matches("v1:AAAA")).isFalse();
    }
}
