package ai.switchboard.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.testsupport.LoopbackSseServer;
import ai.switchboard.providers.testsupport.OpenAiFixtures;
import ai.switchboard.providers.testsupport.SseBodies;
import ai.switchboard.providers.testsupport.TestEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OpenAiStreamCancellationIT {

    @Test
    void cancellingTheStreamClosesTheUpstreamConnection() throws Exception {
        String firstEvents = SseBodies.openAiStreamWithoutDone(
                List.of(OpenAiFixtures.roleChunk(), OpenAiFixtures.contentChunk("Hel")));
        try (LoopbackSseServer server = new LoopbackSseServer(firstEvents);
                ProviderHttpClients clients = new ProviderHttpClients()) {
            OpenAiAdapter adapter = new OpenAiAdapter(clients);
            // The server never sends more, so without cancellation the call would wait for the 30 s timeout.
            var endpoint = TestEndpoints.named("cancel", "openai", server.baseUrl(), Map.of(), Duration.ofSeconds(30));

            StepVerifier.create(adapter.streamChat(endpoint, OpenAiAdapterIT.streamRequest()))
                    .expectNextCount(2)
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));

            assertThat(server.awaitRequest(1, TimeUnit.SECONDS)).isTrue();
            assertThat(server.awaitClientClose(5, TimeUnit.SECONDS))
                    .as("the upstream connection is closed when the subscriber cancels").isTrue();
        }
    }
}
