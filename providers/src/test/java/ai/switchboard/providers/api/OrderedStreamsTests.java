package ai.switchboard.providers.api;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

class OrderedStreamsTests {

    @Test
    void aSourceFailureWaitsForTheElementsMappedBeforeIt() {
        TestPublisher<String> source = TestPublisher.create();

        // A reader that has asked for nothing yet: the failure arrives while all three mapped elements wait.
        StepVerifier.create(OrderedStreams.flatten(source.flux(), text -> List.of(text + "1", text + "2",
                text + "3")), 0)
                .then(() -> {
                    source.next("a");
                    source.error(new IllegalStateException("cut"));
                })
                .thenRequest(1)
                .expectNext("a1")
                .thenRequest(5)
                .expectNext("a2", "a3")
                .expectErrorMessage("cut")
                .verify();
    }

    @Test
    void itMapsInOrderLikeConcatMapIterable() {
        StepVerifier.create(OrderedStreams.flatten(Flux.just(1, 2), n -> List.of(n, n * 10)))
                .expectNext(1, 10, 2, 20)
                .verifyComplete();
    }
}
