package ai.switchboard.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpServerConfigTests {

    private static final URI URL = URI.create("https://mcp.example.test/mcp?tenant=7");

    @Test
    void buildsWithDefaultTimeoutsAndEnabled() {
        McpServerConfig http = McpServerConfig.streamableHttp("github", URL).bearerToken("t0ken").build();
        McpServerConfig stdio = McpServerConfig.stdio("files", "/usr/bin/mcp-files", List.of("--root", "/srv"))
                .env("LOG_LEVEL", "warn").callTimeout(Duration.ofSeconds(5)).build();

        assertThat(http.connectTimeout()).isEqualTo(McpServerConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(http.callTimeout()).isEqualTo(McpServerConfig.DEFAULT_CALL_TIMEOUT);
        assertThat(http.enabled()).isTrue();
        assertThat(stdio.args()).containsExactly("--root", "/srv");
        assertThat(stdio.env()).containsExactly(Map.entry("LOG_LEVEL", "warn"));
        assertThat(stdio.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(stdio.withEnabled(false).enabled()).isFalse();
        assertThat(McpTransportType.fromWireName("stdio")).isEqualTo(McpTransportType.STDIO);
    }

    @Test
    void acceptsOnlyNamesThatKeepThePrefixUnambiguous() {
        for (String good : List.of("a", "A1", "git-hub", "my_server", "x".repeat(32))) {
            assertThat(McpServerConfig.streamableHttp(good, URL).build().name()).isEqualTo(good);
        }
        for (String bad : List.of("", "a__b", "a_", "_a", "a.b", "a b", "x".repeat(33))) {
            assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> McpServerConfig.streamableHttp(bad, URL).build());
        }
    }

    @Test
    void refusesUrlsThatAreNotPlainHttp() {
        for (String bad : List.of("ftp://host/mcp", "/mcp", "http://user:pw@host/mcp", "https://host/mcp#frag")) {
            assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> McpServerConfig.streamableHttp("s", URI.create(bad)).build());
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new McpServerConfig("s",
                McpTransportType.STREAMABLE_HTTP, URL, null, null, "node", null, null, null, null, true));
    }

    @Test
    void refusesHeadersTheGatewaySetsOrThatWouldSplitARequest() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> McpServerConfig.streamableHttp("s", URL).header("Content-Type", "text/plain").build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> McpServerConfig.streamableHttp("s", URL).header("Mcp-Session-Id", "x").build());
        assertThatIllegalArgumentException().isThrownBy(() -> McpServerConfig.streamableHttp("s", URL)
                .bearerToken("t").header("authorization", "Basic x").build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> McpServerConfig.streamableHttp("s", URL).header("X-Key", "a\r\nHost: evil").build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> McpServerConfig.streamableHttp("s", URL).header("Bad Name", "v").build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> McpServerConfig.streamableHttp("s", URL).bearerToken("a\nb").build());
        assertThat(McpServerConfig.streamableHttp("s", URL).header("Authorization", "Basic eA==").build()
                .headers()).containsKey("Authorization");
    }

    @Test
    void refusesStdioSettingsThatCannotRunSafely() {
        assertThatIllegalArgumentException().isThrownBy(() -> McpServerConfig.stdio("s", " ", List.of()).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServerConfig.stdio("s", "node", List.of()).env("A=B", "x").build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> McpServerConfig.stdio("s", "node", List.of()).env("A", "x\0y").build());
        assertThatIllegalArgumentException().isThrownBy(() -> new McpServerConfig("s", McpTransportType.STDIO, URL,
                null, null, "node", null, null, null, null, true));
    }

    @Test
    void refusesTimeoutsThatAreNotPositiveOrAbsurdlyLong() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofHours(2))) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> McpServerConfig.streamableHttp("s", URL).callTimeout(bad).build());
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> McpServerConfig.streamableHttp("s", URL).connectTimeout(bad).build());
        }
    }

    @Test
    void neverShowsASecretInItsText() {
        String http = McpServerConfig.streamableHttp("s", URL).bearerToken("token-secret")
                .header("X-Api-Key", "header-secret").build().toString();
        String stdio = McpServerConfig.stdio("s", "node", List.of("server.js")).env("API_KEY", "env-secret")
                .build().toString();

        assertThat(http).contains("X-Api-Key", "bearerToken=set").doesNotContain("token-secret", "header-secret");
        assertThat(stdio).contains("API_KEY", "server.js").doesNotContain("env-secret");
    }
}
