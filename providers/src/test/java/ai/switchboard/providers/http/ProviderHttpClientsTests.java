package ai.switchboard.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ai.switchboard.providers.api.ProviderEndpoint;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class ProviderHttpClientsTests {

    @Test
    void oneClientPerProviderUntilTheRevisionGrows() {
        try (ProviderHttpClients clients = new ProviderHttpClients()) {
            WebClient first = clients.client(endpoint("a", 1));

            assertThat(clients.client(endpoint("a", 1))).isSameAs(first);
            assertThat(clients.client(endpoint("b", 1))).isNotSameAs(first);

            WebClient second = clients.client(endpoint("a", 2));
            assertThat(second).isNotSameAs(first);
            // A request still holding the older snapshot is served by the newer client, not a rebuilt old one.
            assertThat(clients.client(endpoint("a", 1))).isSameAs(second);
            assertThat(clients.size()).isEqualTo(2);

            clients.evict("a");
            assertThat(clients.size()).isEqualTo(1);
            assertThat(clients.client(endpoint("a", 2))).isNotSameAs(second);
        }
    }

    @Test
    void concurrentCallersShareOneClient() {
        try (ProviderHttpClients clients = new ProviderHttpClients()) {
            var futures = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> clients.client(endpoint("a", 3))))
                    .toList();
            WebClient first = futures.get(0).join();
            assertThat(futures).allSatisfy(future -> assertThat(future.join()).isSameAs(first));
        }
    }

    @Test
    void closingDropsEveryClient() {
        ProviderHttpClients clients = new ProviderHttpClients();
        clients.client(endpoint("a", 1));
        clients.close();

        assertThat(clients.size()).isZero();
        assertThatIllegalStateException().isThrownBy(() -> clients.client(endpoint("a", 1)));
    }

    private static ProviderEndpoint endpoint(String name, long revision) {
        return new ProviderEndpoint(name, "openai", URI.create("http://localhost:1/v1"), null, null, null, null, null,
                revision);
    }
}
