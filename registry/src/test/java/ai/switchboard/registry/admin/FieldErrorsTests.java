package ai.switchboard.registry.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
                .httpUrl("ipv6", "http://[::1]:8000/v1")
                .httpUrl("query", "https://proxy.example/v1?api-key=x")
                .httpUrl("longest", "https://u.example/" + "a".repeat(FieldErrors.MAX_URL_LENGTH - 18))
                .positive("context_window", 1)
                .range("timeout", 3_600_000, 1, 3_600_000)
                .price("price", new BigDecimal("0.150000"))
                .price("top", FieldErrors.MAX_PRICE)
                .text("version", "2024-07-18", 128)
                .maxItems("tags", List.of("a", "b"), 2)
                .inFuture("expires_at", Instant.now().plusSeconds(60), Instant.now());

        assertThat(errors.isEmpty()).isTrue();
    }

    static Stream<String> badUrls() {
        return Stream.of("/v1", "https://", "not a url", "mailto:ops@example.com", "https://u.example/v1#fragment",
                "https://u.example/v1#", "http://u.example:0/v1", "http://u.example:99999/v1",
                "https://user:pass@u.example/v1", "https://under_score.example/v1", "http:opaque",
                "https://u.example/" + "a".repeat(FieldErrors.MAX_URL_LENGTH));
    }

    @ParameterizedTest
    @MethodSource
    void badUrls(String url) {
        assertThat(new FieldErrors().httpUrl("base_url", url).isEmpty()).isFalse();
    }

    static Stream<String> badNames() {
        return Stream.of("", "a b", "a".repeat(129), "..", ".", "00000000-0000-4000-8000-000000000000", "a\nb");
    }

    @ParameterizedTest
    @MethodSource
    void badNames(String name) {
        assertThat(new FieldErrors().name("name", name).isEmpty()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "line\nbreak", "tab\there", "nul\u0000", "del\u007f", "c1\u0085", "toolong!"})
    void badText(String text) {
        assertThat(new FieldErrors().text("field", text, 7).isEmpty()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.000001", "1e30", "1000000.000001", "0.0000001", "1e-999999999"})
    void badPrices(String price) {
        assertThat(new FieldErrors().price("price", new BigDecimal(price)).isEmpty()).isFalse();
    }

    @Test
    void rejectsLongNamesTooManyItemsAndTimesPastTheYear9999() {
        assertThat(new FieldErrors().name("name", "a".repeat(128)).isEmpty()).isTrue();
        assertThat(new FieldErrors().maxItems("tags", List.of(1, 2, 3), 2).isEmpty()).isFalse();
        assertThat(new FieldErrors().range("timeout", 0, 1, 10).isEmpty()).isFalse();
        assertThat(new FieldErrors().inFuture("expires_at", Instant.parse("+10000-01-01T00:00:00Z"), Instant.now())
                .isEmpty()).isFalse();
    }
}
