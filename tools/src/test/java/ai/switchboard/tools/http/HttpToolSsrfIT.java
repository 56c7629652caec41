package ai.switchboard.tools.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.tools.ToolError;
import ai.switchboard.tools.invoke.ToolInvoker;
import ai.switchboard.tools.invoke.ToolResult;
import ai.switchboard.tools.testsupport.Sinkhole;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SSRF payloads against an http tool that allows any host ({@code http://*}), so the address checks at DNS and
 * connect time are the guard, not the host allow-list. A sinkhole listens on every local address at the port the
 * payloads use; no payload may reach it, and each must come back as a refusal the model can read. The one allowed
 * private address (127.0.0.2, by CIDR) shows the tool is not simply refusing everything.
 */
class HttpToolSsrfIT {

    private static Sinkhole sinkhole;
    private static TestUpstream upstream;
    private static ToolInvoker fetch;

    @BeforeAll
    static void start() {
        sinkhole = new Sinkhole();
        upstream = new TestUpstream();
        TestDns dns = new TestDns()
                .answer("internal.test", "127.0.0.1")
                .answer("upper.internal.test", "127.0.0.1")
                .answer("127.0.0.1.nip.io", "127.0.0.1")
                .answer("private.test", "10.0.0.5")
                .answer("cgnat.test", "100.64.1.1")
                .answer("link.test", "169.254.1.1")
                .answer("meta.test", "169.254.169.254")
                .answer("zero.test", "0.0.0.0")
                .answer("v6.test", "::1")
                .answer("ula.test", "fd12:3456::1")
                .answer("mapped.test", "::ffff:127.0.0.1")
                .answer("mixed.test", "93.184.215.14", "127.0.0.1");
        fetch = HttpToolFixtures.invoker(dns, "fetch", """
                {"targets": ["http://*/", "https://*/", "http://*:%d/", "https://*:%d/", "http://*:%d/"],
                 "allowed_cidrs": ["127.0.0.2/32"]}
                """.formatted(sinkhole.port(), sinkhole.port(), upstream.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        fetch.tool().close();
        upstream.close();
        sinkhole.close();
    }

    static Stream<String> payloads() {
        return Stream.of(
                // loopback, in every spelling
                "http://127.0.0.1:{S}/", "http://127.1.2.3:{S}/", "HTTP://127.0.0.1:{S}/", "http://127.0.0.1.:{S}/",
                "http://2130706433:{S}/", "http://0x7f000001:{S}/", "http://0x7f.0x0.0x0.0x1:{S}/",
                "http://0177.0.0.1:{S}/", "http://0177.0000.0000.0001:{S}/", "http://017700000001:{S}/",
                "http://127.1:{S}/", "http://127.0.1:{S}/", "http://0x7f.1:{S}/",
                "http://localhost:{S}/", "http://LOCALHOST:{S}/", "http://localhost.:{S}/", "http://a.localhost:{S}/",
                "http://[::1]:{S}/", "http://[0:0:0:0:0:0:0:1]:{S}/", "http://[::ffff:127.0.0.1]:{S}/",
                "http://[::ffff:7f00:1]:{S}/", "http://[0:0:0:0:0:ffff:127.0.0.1]:{S}/", "http://[::127.0.0.1]:{S}/",
                "http://[64:ff9b::7f00:1]:{S}/", "http://[2002:7f00:1::]:{S}/", "http://[2001:0:7f00:1::]:{S}/",
                // unspecified
                "http://0:{S}/", "http://0.0.0.0:{S}/", "http://[::]:{S}/",
                // cloud metadata
                "http://169.254.169.254/latest/meta-data/", "http://169.254.169.254:{S}/", "http://2852039166/",
                "http://0xa9fea9fe/", "http://0251.0376.0251.0376/", "http://[::ffff:169.254.169.254]/",
                "http://[::ffff:a9fe:a9fe]/", "http://[fd00:ec2::254]/latest/meta-data/",
                "http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.GOOGLE.INTERNAL./",
                "http://metadata/", "http://100.100.100.200/latest/meta-data/", "http://168.63.129.16/",
                "http://192.0.0.192/", "http://169.254.170.2/v2/credentials",
                // private, shared, link-local, unique-local, multicast, broadcast
                "http://10.0.0.1:{S}/", "http://172.16.0.1:{S}/", "http://192.168.1.1:{S}/",
                "http://100.64.0.1:{S}/", "http://169.254.1.1:{S}/", "http://[fe80::1]:{S}/",
                "http://[fe80::1%25lo]:{S}/", "http://[fc00::1]:{S}/", "http://224.0.0.1:{S}/",
                "http://255.255.255.255:{S}/", "http://[ff02::1]:{S}/", "http://198.18.0.1:{S}/",
                // names whose DNS answers are private
                "http://internal.test:{S}/", "http://UPPER.Internal.TEST.:{S}/", "http://127.0.0.1.nip.io:{S}/",
                "http://private.test:{S}/", "http://cgnat.test:{S}/", "http://link.test:{S}/", "http://meta.test/",
                "http://zero.test:{S}/", "http://v6.test:{S}/", "http://ula.test:{S}/", "http://mapped.test:{S}/",
                "http://mixed.test:{S}/",
                // schemes other than http(s), and parser tricks
                "file:///etc/passwd", "file://localhost/etc/passwd", "gopher://127.0.0.1:{S}/_GET%20/",
                "ftp://127.0.0.1:{S}/", "dict://127.0.0.1:{S}/info", "ldap://127.0.0.1:{S}/",
                "jar:http://127.0.0.1:{S}/x.jar!/", "netdoc:///etc/passwd", "http:127.0.0.1:{S}/",
                "http:///127.0.0.1:{S}/", "//127.0.0.1:{S}/", " http://127.0.0.1:{S}/",
                "http://allowed.test@127.0.0.1:{S}/", "http://127.0.0.1:{S}@allowed.test/",
                "http://allowed.test%40127.0.0.1:{S}/", "http://allowed.test\\@127.0.0.1:{S}/",
                "http://127.0.0.1:{S}#@allowed.test/", "http://127.0.0.1:{S}/%2e%2e/",
                "http://\u2460\u2461\u2466.0.0.1:{S}/",
                // redirects from the allowed upstream to all of the above kinds
                "{R}http://127.0.0.1:{S}/", "{R}http://localhost:{S}/", "{R}http://[::1]:{S}/",
                "{R}http://169.254.169.254/latest/meta-data/", "{R}http://internal.test:{S}/",
                "{R}//127.0.0.1:{S}/", "{R}file:///etc/passwd", "{R}gopher://127.0.0.1:{S}/",
                "{R}http://2130706433:{S}/", "{R}http://user@127.0.0.1:{S}/");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void refusesWithoutConnecting(String payload) {
        ToolResult result = HttpToolFixtures.get(fetch, url(payload));

        assertThat(result.error()).as(result.content()).isEqualTo(ToolError.REFUSED);
        assertThat(sinkhole.connections()).isZero();
    }

    @Test
    void atLeastFiftyPayloads() {
        assertThat(payloads().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void theAllowedUpstreamIsReachedSoRefusalsAreTheGuardsDoing() {
        ToolResult result = HttpToolFixtures.get(fetch, upstream.base() + "/api/json");

        assertThat(result.ok()).as(result.content()).isTrue();
        assertThat(HttpToolFixtures.data(result).path("body").path("ok").asBoolean()).isTrue();
    }

    private static String url(String payload) {
        String url = payload.replace("{S}", Integer.toString(sinkhole.port()));
        return url.startsWith("{R}") ? upstream.redirectTo(url.substring(3), 302) : url;
    }
}
