package ai.switchboard.gateway.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ai.switchboard.gateway.SwitchboardApplication;
import ai.switchboard.registry.testsupport.TestDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests that run the whole gateway over real HTTP against WireMock upstreams and the one
 * shared test database. Every subclass uses the same configuration, so Spring starts the application once per run;
 * tests isolate themselves by giving their providers, models and keys unique names.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.registry.bootstrap-admin-key=" + GatewayIT.ADMIN_KEY,
            "switchboard.registry.master-key=" + GatewayIT.MASTER_KEY,
            // Above the whole registry's export, which ConfigAdminIT, DeclarativeRoutesIT and BudgetsIT apply back:
            // every IT adds to that registry, and at 256 KB the round trip was one new test away from a 413.
            "switchboard.api.max-request-size=4MB",
            // MCP test servers listen on loopback, which the gateway refuses unless told otherwise.
            "switchboard.mcp.allowed-cidrs=127.0.0.0/8",
        })
public abstract class GatewayIT {

    /** Obviously fake keys: they only open this test gateway. The admin key is shared with the registry's tests. */
    public static final String ADMIN_KEY = TestDatabase.BOOTSTRAP_ADMIN_KEY;
    public static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** One upstream server for the whole run; each test stubs paths under its own prefix. */
    static final WireMockServer UPSTREAM = startUpstream();

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    protected int port;

    protected WebTestClient http;
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    void clients() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                // The Prometheus scrape of a context shared by every IT grows past the 256 KB default.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        fixtures = new Fixtures(http, ADMIN_KEY);
    }

    /** A name no other test in this run uses. */
    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
    }

    /** The base URL for an OpenAI-compatible stub upstream rooted at {@code /<prefix>/v1}. */
    static String upstreamBase(String prefix) {
        return UPSTREAM.baseUrl() + "/" + prefix + "/v1";
    }

    /** Stubs the upstream at {@code /<prefix>/v1} to stream a complete chat answer saying {@code text}. */
    static void stubStreamedAnswer(String prefix, String text) {
        UPSTREAM.stubFor(post(urlEqualTo("/" + prefix + "/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(UpstreamBodies.sse(
                        List.of(UpstreamBodies.roleChunk("m"), UpstreamBodies.textChunk("m", text, "stop")), true))));
    }

    private static WireMockServer startUpstream() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(16)
                .asynchronousResponseEnabled(false));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }
}
