package ai.switchboard.tools.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.tools.testsupport.Sinkhole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The connect hook alone, with no guarded DNS and no URL checks in front of it: a plain Reactor Netty client with
 * only {@link ConnectGuard} installed must not open a socket to a refused address, whether the address came from
 * an IP literal (no resolver involved) or from the system resolver.
 */
class ConnectGuardIT {

    private static Sinkhole sinkhole;

    @BeforeAll
    static void start() {
        sinkhole = new Sinkhole();
    }

    @AfterAll
    static void stop() throws Exception {
        sinkhole.close();
    }

    @Test
    void refusesBeforeTheSocketConnects() {
        HttpClient client = guarded(List.of());

        for (String url : List.of("http://127.0.0.1:%d/", "http://localhost:%d/", "http://[::1]:%d/",
                "http://[::ffff:127.0.0.1]:%d/")) {
            assertThatThrownBy(() -> client.get().uri(url.formatted(sinkhole.port())).response()
                    .block(Duration.ofSeconds(10)))
                    .as(url)
                    .hasRootCauseInstanceOf(AddressRefusedException.class);
        }
        assertThat(sinkhole.connections()).isZero();
    }

    @Test
    void connectsWhereTheConfigurationAllows() {
        int before = sinkhole.connections();
        HttpClient client = guarded(List.of(Cidr.parse("127.0.0.1/32")));

        // The sinkhole closes without answering: the connect itself is what this test is about.
        assertThatThrownBy(() -> client.get().uri("http://127.0.0.1:" + sinkhole.port() + "/").response()
                .block(Duration.ofSeconds(10)))
                .hasRootCauseInstanceOf(reactor.netty.http.client.PrematureCloseException.class);
        assertThat(sinkhole.connections()).isEqualTo(before + 1);
    }

    private static HttpClient guarded(List<Cidr> allowed) {
        return HttpClient.create(ConnectionProvider.newConnection())
                .doOnChannelInit(ConnectGuard.installer(new AddressPolicy(allowed)))
                .disableRetry(true);
    }
}
