package ai.switchboard.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.http.ProviderHttpClients;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class BedrockStreamCancellationIT {

    @Test
    void cancellingTheStreamClosesTheUpstreamConnection() throws Exception {
        byte[] firstFrames = BedrockFixtures.encode(BedrockFixtures.transcript("stream-text.tsv").subList(0, 2));
        try (BedrockLoopbackServer server = new BedrockLoopbackServer(firstFrames);
                ProviderHttpClients clients = new ProviderHttpClients()) {
            BedrockAdapter adapter = new BedrockAdapter(clients, BedrockTestEndpoints.CLOCK);
            // The server never sends more, so without cancellation the call would wait for the 30 s timeout.
            var endpoint = BedrockTestEndpoints.sigV4("bedrock-cancel", server.baseUrl(), Duration.ofSeconds(30));

            StepVerifier.create(adapter.streamChat(endpoint,
                            BedrockFixtures.simpleRequest(BedrockTestEndpoints.MODEL, true)))
                    .expectNextCount(2)
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));

            assertThat(server.awaitRequest(1, TimeUnit.SECONDS)).isTrue();
            assertThat(server.awaitClientClose(5, TimeUnit.SECONDS))
                    .as("the upstream connection is closed when the subscriber cancels").isTrue();
        }
    }
}
