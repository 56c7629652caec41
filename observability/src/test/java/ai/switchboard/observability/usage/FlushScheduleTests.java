package ai.switchboard.observability.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The writer's timing rule, driven with explicit times instead of a clock. */
class FlushScheduleTests {

    private static final long INTERVAL = Duration.ofMillis(200).toNanos();
    private final FlushSchedule schedule = new FlushSchedule(100, INTERVAL);

    @Test
    void aPartialBatchWaitsOutTheIntervalSinceTheLastWriteAndNoLonger() {
        assertThat(schedule.due(1, 0, false)).isFalse();
        assertThat(schedule.sleepNanos(1, 0)).isEqualTo(INTERVAL);
        assertThat(schedule.due(1, INTERVAL - 1, false)).isFalse();
        assertThat(schedule.sleepNanos(1, INTERVAL - 1)).isEqualTo(1);
        assertThat(schedule.due(1, INTERVAL, false)).isTrue();
        assertThat(schedule.due(99, INTERVAL * 5, false)).isTrue();
    }

    @Test
    void aFullBatchIsWrittenAtOnce() {
        assertThat(schedule.due(100, 0, false)).isTrue();
    }

    @Test
    void stoppingWritesWhateverIsInHandAtOnce() {
        assertThat(schedule.due(1, 0, true)).isTrue();
    }

    @Test
    void nothingInHandIsNeverDueAndSleepsAWholeInterval() {
        assertThat(schedule.due(0, INTERVAL * 10, true)).isFalse();
        assertThat(schedule.sleepNanos(0, INTERVAL * 10)).isEqualTo(INTERVAL);
    }

    @Test
    void aSleepIsNeverZeroOrNegative() {
        assertThat(schedule.sleepNanos(1, INTERVAL * 3)).isEqualTo(1);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new FlushSchedule(0, INTERVAL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlushSchedule(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
