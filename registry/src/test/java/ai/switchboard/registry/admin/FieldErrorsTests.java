package ai.switchboard.registry.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FieldErrorsTests {

    @Test
    void collectsEveryErrorWithItsField() {
        FieldErrors errors = new FieldErrors()
                .required("name", null)
                .name("alias", "bad name!")
                .httpUrl("base_url", "ftp://example.com")
                .positive("context_window", 0)
                .notNegative("input_price_per_mtok", new BigDecimal("-0.01"))
                .inFuture("expires_at", Instant.parse("2000-01-01T00:00:00Z"), Instant.now());

        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("name", "alias", "base_url", "context_window", "input_price_per_mtok",
                                "expires_at"));
    }

    @Test
    void acceptsValidValues() {
        FieldErrors errors = new FieldErrors()
                .name("name", "openai-main/eu:gpt_4.1")
                .httpUrl("base_url", "https://api.openai.com/v1")
                .httpUrl("local", "http://localhost:11434")
                .positive("context_window", 1)
                .notNegative("price", BigDecimal.ZERO)
                .inFuture("expires_at", Instant.now().plusSeconds(60), Instant.now());

        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void rejectsRelativeAndHostlessUrls() {
        FieldErrors errors = new FieldErrors().httpUrl("a", "/v1").httpUrl("b", "https://").httpUrl("c", "not a url");

        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(RegistryValidationException.class,
                e -> assertThat(e.errors()).hasSize(3));
    }

    @Test
    void rejectsLongNames() {
        assertThat(new FieldErrors().name("name", "a".repeat(128)).isEmpty()).isTrue();
        assertThat(new FieldErrors().name("name", "a".repeat(129)).isEmpty()).isFalse();
    }
}
