package ai.switchboard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetPeriodTests {

    @ParameterizedTest
    @CsvSource({
        "daily,   2026-12-03T23:59:59.999Z, 2026-12-03T00:00:00Z, 2026-12-04T00:00:00Z",
        "daily,   2026-12-04T00:00:00Z,     2026-12-04T00:00:00Z, 2026-12-05T00:00:00Z",
        // ISO weeks start on Monday: Thursday 3 December 2026 is in the week of Monday 30 November.
        "weekly,  2026-12-03T10:00:00Z,     2026-11-30T00:00:00Z, 2026-12-07T00:00:00Z",
        "weekly,  2026-11-30T00:00:00Z,     2026-11-30T00:00:00Z, 2026-12-07T00:00:00Z",
        "monthly, 2026-12-31T23:00:00Z,     2026-12-01T00:00:00Z, 2027-01-01T00:00:00Z",
        "monthly, 2028-02-29T12:00:00Z,     2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z",
    })
    void periodsAreUtcCalendarPeriods(String period, Instant now, Instant start, Instant end) {
        BudgetPeriod p = BudgetPeriod.fromWire(period);
        assertThat(p.start(now)).isEqualTo(start);
        assertThat(p.end(p.start(now))).isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-03T10:00:00Z", "1999-01-01T00:00:00Z"})
    void aTotalBudgetHasOnePeriodThatNeverEnds(Instant now) {
        assertThat(BudgetPeriod.TOTAL.start(now)).isEqualTo(Instant.EPOCH);
        assertThat(BudgetPeriod.TOTAL.end(Instant.EPOCH)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"yearly", "Daily", "''"})
    void unknownPeriodsAreNone(String name) {
        assertThat(BudgetPeriod.fromWire(name)).isNull();
    }
}
