package ai.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

/** Guards the guard: every test in this module runs with BlockHound, so blocking on an event loop fails loudly. */
class BlockHoundInstalledTests {

    @Test
    void blockingOnANonBlockingThreadIsDetected() {
        assertThatThrownBy(() -> Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .block(Duration.ofSeconds(5)))
                .satisfies(error -> assertThat(error instanceof BlockingOperationError
                        || error.getCause() instanceof BlockingOperationError).isTrue());
    }
}
