package ai.switchboard.gateway.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.observability.usage.BatchingUsageRecorder;
import ai.switchboard.registry.snapshot.RegistryLifecycle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

class ServerDrainTests {

    private final ServerDrain drain = new ServerDrain();
    private final AtomicInteger idleCallbacks = new AtomicInteger();

    @Test
    void whileServingNothingIsCounted() {
        assertThat(drain.serving()).isTrue();
        assertThat(drain.inFlight()).isZero();
    }

    @Test
    void closingWaitsForTheRequestsThatBeganDuringTheDrainAndRefusesNewOnes() {
        drain.begin();
        assertThat(drain.serving()).isFalse();
        assertThat(drain.enter()).isTrue();
        assertThat(drain.enter()).isTrue();

        drain.close(idleCallbacks::incrementAndGet);
        assertThat(drain.enter()).as("refused once closed").isFalse();
        assertThat(drain.inFlight()).isEqualTo(2);
        drain.exit();
        assertThat(idleCallbacks).hasValue(0);
        drain.exit();

        assertThat(idleCallbacks).hasValue(1);
        assertThat(drain.inFlight()).isZero();
    }

    @Test
    void closingWithNothingInFlightIsIdleAtOnceAndOnlyOnce() {
        drain.begin();
        drain.close(idleCallbacks::incrementAndGet);
        assertThat(idleCallbacks).hasValue(1);

        assertThat(drain.enter()).isFalse();
        assertThat(idleCallbacks).as("a refused request does not run the callback again").hasValue(1);
    }

    @Test
    void requestsEndingDuringTheDrainRunNoCallbackBeforeClose() {
        drain.begin();
        assertThat(drain.enter()).isTrue();
        drain.exit();
        assertThat(drain.enter()).isTrue();

        drain.close(idleCallbacks::incrementAndGet);

        assertThat(idleCallbacks).hasValue(0);
        drain.exit();
        assertThat(idleCallbacks).hasValue(1);
    }

    @Test
    void theBeginningPhaseStartsTheDrainAndIsDoneAtOnce() {
        DrainPhase beginning = DrainPhase.beginning(drain);
        beginning.start();

        beginning.stop(idleCallbacks::incrementAndGet);

        assertThat(drain.serving()).isFalse();
        assertThat(idleCallbacks).hasValue(1);
        assertThat(beginning.isRunning()).isFalse();
    }

    @Test
    void theEndingPhaseIsDoneOnlyWhenTheLastCountedRequestEnds() {
        DrainPhase ending = DrainPhase.ending(drain);
        ending.start();
        drain.begin();
        assertThat(drain.enter()).isTrue();

        ending.stop(idleCallbacks::incrementAndGet);
        assertThat(ending.isRunning()).isTrue();
        assertThat(idleCallbacks).hasValue(0);
        drain.exit();

        assertThat(idleCallbacks).hasValue(1);
        assertThat(ending.isRunning()).isFalse();
    }

    @Test
    void aContextStoppedAndStartedAgainServesAgain() {
        DrainPhase beginning = DrainPhase.beginning(drain);
        DrainPhase ending = DrainPhase.ending(drain);
        ending.start();
        beginning.start();
        beginning.stop(() -> { });
        ending.stop(idleCallbacks::incrementAndGet);
        assertThat(drain.enter()).isFalse();

        ending.start();
        beginning.start();

        assertThat(drain.serving()).isTrue();
        assertThat(idleCallbacks).hasValue(1);
    }

    /**
     * The shutdown order, as lifecycle phases (a higher phase stops first): drain starts, the web server drains and
     * stops, the drain ends, the ledger flushes, the registry stops; the pool and the database go with the beans.
     */
    @Test
    void thePhasesStopInTheDocumentedOrder() {
        int webServerStop = SmartLifecycle.DEFAULT_PHASE - 2048; // WebServerStartStopLifecycle, package-private
        assertThat(DrainPhase.BEGIN).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
        assertThat(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE).isGreaterThan(webServerStop);
        assertThat(webServerStop).isGreaterThan(DrainPhase.END);
        assertThat(DrainPhase.END).isGreaterThan(BatchingUsageRecorder.PHASE);
        assertThat(BatchingUsageRecorder.PHASE).isGreaterThan(RegistryLifecycle.PHASE);
    }
}
