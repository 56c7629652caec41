package ai.switchboard.registry;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** How often a budget starts again: UTC calendar days, ISO weeks (from Monday), months, or never. */
public enum BudgetPeriod {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    TOTAL("total");

    private final String wireName;

    BudgetPeriod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The period with this wire name, or {@code null}. */
    public static BudgetPeriod fromWire(String name) {
        for (BudgetPeriod period : values()) {
            if (period.wireName.equals(name)) {
                return period;
            }
        }
        return null;
    }

    /** The start of the period that contains {@code now}; a total budget's one period starts at the epoch. */
    public Instant start(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case TOTAL -> LocalDate.EPOCH;
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** When the period that started at {@code start} ends and the next begins; {@code null} for a total budget. */
    public Instant end(Instant start) {
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate end = switch (this) {
            case DAILY -> day.plusDays(1);
            case WEEKLY -> day.plusWeeks(1);
            case MONTHLY -> day.plusMonths(1);
            case TOTAL -> null;
        };
        return end == null ? null : end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
