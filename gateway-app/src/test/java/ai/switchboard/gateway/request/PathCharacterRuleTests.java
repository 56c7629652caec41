package ai.switchboard.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathCharacterRuleTests {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/admin/v1/config:apply", "/v1/models/llama3%3A8b",
        "/v1/models/caf%C3%A9", "/v1/models/a%20b", "/v1/models/meta-llama/Llama-3.1-8B", "/", "/v1/models/a%2Fb"})
    void canonicalPathsPass(String path) {
        assertThat(PathCharacterRule.violation(path)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/%61dmin/v1/keys|percent-encoded letter",
        "/adm%69n/v1/keys|(%69)",
        "/admin/v1/%6Beys|(%6B)",
        "/%761/models|percent-encoded letter",
        "/v1/models/%2e%2e|percent-encoded letter, digit or '-._~'",
        "/v1/models/%7E|percent-encoded letter",
        "/v1/models/a%00|percent-encoded control",
        "/v1/models/a%0A|percent-encoded control",
        "/v1/models/a%7f|percent-encoded control",
        "/v1/models/a%|malformed",
        "/v1/models/a%4|malformed",
        "/v1/models/a%zz|malformed",
    })
    void ambiguousEscapesAreRefused(String path, String reason) {
        assertThat(PathCharacterRule.violation(path)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/mo dels", "/v1/models\t", "/v1/caf\u00e9", "/v1/\u007f", "/v1/\u2028"})
    void rawCharactersOutsidePrintableAsciiAreRefused(String path) {
        assertThat(PathCharacterRule.violation(path)).contains("control, space or non-ASCII");
    }
}
