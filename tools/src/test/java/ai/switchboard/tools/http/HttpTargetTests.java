package ai.switchboard.tools.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HttpTargetTests {

    @Test
    void matchesSchemeHostPortAndWholePathSegments() {
        HttpTarget target = HttpTarget.parse("https://API.Example.com./v1");

        assertThat(target.toString()).isEqualTo("https://api.example.com/v1");
        assertThat(target.matches(RequestUrl.parse("https://api.example.com/v1"))).isTrue();
        assertThat(target.matches(RequestUrl.parse("https://api.example.com:443/v1/users?x=1"))).isTrue();
        assertThat(target.matches(RequestUrl.parse("https://API.EXAMPLE.COM./v1/users"))).isTrue();
        assertThat(target.matches(RequestUrl.parse("https://api.example.com/v10"))).isFalse();
        assertThat(target.matches(RequestUrl.parse("http://api.example.com/v1"))).isFalse();
        assertThat(target.matches(RequestUrl.parse("https://api.example.com:8443/v1"))).isFalse();
        assertThat(target.matches(RequestUrl.parse("https://api.example.com.evil.test/v1"))).isFalse();
        assertThat(target.matches(RequestUrl.parse("https://api.example.com/V1"))).isFalse();
    }

    @Test
    void anyHostKeepsSchemeAndPort() {
        HttpTarget any = HttpTarget.parse("https://*/");

        assertThat(any.matches(RequestUrl.parse("https://docs.example.org/a"))).isTrue();
        assertThat(any.matches(RequestUrl.parse("https://docs.example.org:8443/a"))).isFalse();
        assertThat(any.matches(RequestUrl.parse("http://docs.example.org/a"))).isFalse();
        assertThat(HttpTarget.parse("http://*:8080/api/").port()).isEqualTo(8080);
    }

    @Test
    void refusesPrefixesThatCannotBeCheckedSafely() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.parse("ftp://example.com/"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.parse("https://user@example.com/"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.parse("https://example.com/?q=1"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.parse("https://example.com/a/../b"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.parse("https://0x7f.1/"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.parse("https://example.com:0/"));
        assertThatIllegalArgumentException().isThrownBy(() -> HttpTarget.parse("/relative"));
    }

    @Test
    void pathsWithDotSegmentsOrEncodedSeparatorsAreRefused() {
        assertThat(RequestUrl.pathProblem("/v1/users/42")).isNull();
        assertThat(RequestUrl.pathProblem("/v1/a%20b;v=1")).isNull();
        assertThat(RequestUrl.pathProblem("/v1/../admin")).isNotNull();
        assertThat(RequestUrl.pathProblem("/v1/%2E%2e/admin")).isNotNull();
        assertThat(RequestUrl.pathProblem("/v1/..;/admin")).isNotNull();
        assertThat(RequestUrl.pathProblem("/v1/a%2fb")).isNotNull();
        assertThat(RequestUrl.pathProblem("/v1/a%5cb")).isNotNull();
        assertThat(RequestUrl.pathProblem("/v1/a%00")).isNotNull();
        assertThat(RequestUrl.pathProblem("/v1/%zz")).isNotNull();
    }
}
