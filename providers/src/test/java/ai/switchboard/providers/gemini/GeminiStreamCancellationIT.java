package ai.switchboard.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.testsupport.LoopbackSseServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class GeminiStreamCancellationIT {

    @Test
    void cancellingTheStreamClosesTheUpstreamConnection() throws Exception {
        String firstEvents = GeminiWire.sse(List.of(GeminiWire.textEvent("Hel", null)));
        try (LoopbackSseServer server = new LoopbackSseServer(firstEvents);
                ProviderHttpClients clients = new ProviderHttpClients()) {
            GeminiAdapter adapter = new GeminiAdapter(clients);
            // The server never sends more, so without cancellation the call would wait for the 30 s timeout.
            var endpoint = GeminiAdapterIT.endpoint("gemini-cancel", server.baseUrl(), Duration.ofSeconds(30));

            StepVerifier.create(adapter.streamChat(endpoint, GeminiAdapterIT.chatRequest(true)))
                    .expectNextCount(2)
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));

            assertThat(server.awaitRequest(1, TimeUnit.SECONDS)).isTrue();
            assertThat(server.awaitClientClose(5, TimeUnit.SECONDS))
                    .as("the upstream connection is closed when the subscriber cancels").isTrue();
        }
    }
}
