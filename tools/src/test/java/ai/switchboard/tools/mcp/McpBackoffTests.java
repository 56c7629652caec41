package ai.switchboard.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class McpBackoffTests {

    private final McpBackoff backoff = new McpBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5);

    @Test
    void doublesWithEachFailureUpToTheCap() {
        assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(6, 0)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(7, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterOnlyShortensAWaitAndByAtMostItsShare() {
        assertThat(backoff.delay(3, 0.999_999)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(new McpBackoff(Duration.ofMillis(1), Duration.ofMillis(1), 1).delay(1, 0.999_999))
                .isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void refusesSettingsThatWouldLoopTightlyOrNeverWait() {
        assertThatIllegalArgumentException().isThrownBy(() -> new McpBackoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new McpBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new McpBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5));
    }
}
