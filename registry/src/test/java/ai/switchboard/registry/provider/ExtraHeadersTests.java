package ai.switchboard.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.admin.FieldErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExtraHeadersTests {

    @Test
    void acceptsTokensWithSingleLineVisibleValues() {
        FieldErrors errors = new FieldErrors();
        ExtraHeaders.check(errors, Map.of("OpenAI-Organization", "org-1", "x-team", "search and rescue",
                "anthropic-beta", "tools-2024-04-04", "X-Empty", "", "Authorization", "Bearer proxy-token",
                "x!#$%&'*+-.^_`|~", "v"));

        assertThat(errors.isEmpty()).isTrue();
    }

    static Stream<Map<String, String>> refused() {
        Map<String, String> many = new LinkedHashMap<>();
        IntStream.range(0, ExtraHeaders.MAX_HEADERS + 1).forEach(i -> many.put("x-h" + i, "v"));
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("x-a", null);
        return Stream.of(Map.of("Host", "evil.example"), Map.of("HOST", "evil.example"),
                Map.of("Content-Length", "0"), Map.of("Transfer-Encoding", "chunked"), Map.of("Connection", "close"),
                Map.of("Keep-Alive", "5"), Map.of("Upgrade", "h2c"), Map.of("TE", "trailers"),
                Map.of("Content-Type", "text/plain"), Map.of("Accept", "*/*"),
                Map.of("x-a", "a\r\nX-Injected: 1"), Map.of("x-a", "a\nb"), Map.of("x-a", "nul\u0000"),
                Map.of("x-a", " leading"), Map.of("x-a", "trailing\t"), Map.of("x-a", "caf\u00e9"),
                Map.of("x-a", "v".repeat(ExtraHeaders.MAX_VALUE_LENGTH + 1)), Map.of("bad name", "v"),
                Map.of("", "v"), Map.of("x-a:", "v"), Map.of("x\u00e9", "v"),
                Map.of("n".repeat(ExtraHeaders.MAX_NAME_LENGTH + 1), "v"), Map.of("X-A", "1", "x-a", "2"),
                nullValue, many);
    }

    @ParameterizedTest
    @MethodSource
    void refused(Map<String, String> headers) {
        FieldErrors errors = new FieldErrors();
        ExtraHeaders.check(errors, headers);

        assertThat(errors.isEmpty()).isFalse();
    }
}
