package ai.switchboard.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTests {

    private final SecretRedactor redactor = new SecretRedactor(List.of("Bearer tok/en\"42+x", "k3y"));

    @Test
    void removesEveryFormTheSecretTravelsIn() {
        assertThat(redactor.redact("auth=Bearer tok/en\"42+x")).isEqualTo("auth=[REDACTED]");
        assertThat(redactor.redact("token only: tok/en\"42+x")).isEqualTo("token only: [REDACTED]");
        assertThat(redactor.redact("{\"a\":\"tok/en\\\"42+x\"}")).isEqualTo("{\"a\":\"[REDACTED]\"}");
        assertThat(redactor.redact("q=tok%2Fen%2242%2Bx")).isEqualTo("q=[REDACTED]");
        assertThat(redactor.redact("?key=k3y&x=1")).isEqualTo("?key=[REDACTED]&x=1");
    }

    @Test
    void dropsTheStartOfASecretLeftAtACut() {
        assertThat(redactor.redactCut("prefix tok/en\"4")).isEqualTo("prefix ");
        assertThat(redactor.redactCut("ends with k3")).isEqualTo("ends with ");
        assertThat(redactor.redactCut("harmless end")).isEqualTo("harmless end");
    }
}
