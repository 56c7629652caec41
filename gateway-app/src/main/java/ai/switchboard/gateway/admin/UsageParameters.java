package ai.switchboard.gateway.admin;

import ai.switchboard.observability.usage.UsageGroupBy;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The validated query of {@code GET /admin/v1/usage}. {@code from} and {@code to} are ISO-8601 instants
 * ({@code 2026-05-01T00:00:00Z}) or UTC dates ({@code 2026-05-01}, meaning its midnight); the range is half-open.
 * Defaults: the last 24 hours, grouped by model. Every invalid parameter is named in one 400 response, and so is an
 * unknown or repeated one (a misspelt {@code form=} must not silently query the default range).
 */
record UsageParameters(Instant from, Instant to, UsageGroupBy groupBy) {

    /** Longest range one query may cover: it bounds the partitions a single request can make the database scan. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    static final Set<String> NAMES = Set.of("from", "to", "group_by");

    /** Instants the database stores, and that ISO-8601 writes without a sign. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static UsageParameters parse(MultiValueMap<String, String> query, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!NAMES.contains(name)) {
                errors.add(new FieldError(name.length() <= 64 ? name : "query",
                        "unknown parameter; expected " + NAMES.stream().sorted().toList()));
            } else if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given once"));
            }
        });
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
        return parse(query.getFirst("from"), query.getFirst("to"), query.getFirst("group_by"), clock);
    }

    static UsageParameters parse(String from, String to, String groupBy, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Instant end = to == null ? clock.instant() : instant(to, "to", errors);
        Instant start = from == null ? (end == null ? null : end.minus(Duration.ofDays(1))) : instant(from, "from", errors);
        UsageGroupBy group = groupBy == null ? UsageGroupBy.MODEL : UsageGroupBy.fromApiName(groupBy);
        if (group == null) {
            errors.add(new FieldError("group_by", "must be one of model, route, key, provider, day"));
        }
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new FieldError("from", "must be before to"));
            } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                errors.add(new FieldError("to", "must be at most 366 days after from"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
        return new UsageParameters(start, end, group);
    }

    static Instant instant(String value, String name, List<FieldError> errors) {
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant (2026-05-01T00:00:00Z) or date (2026-05-01)"));
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            errors.add(new FieldError(name, "must be between the years 1 and 9999"));
            return null;
        }
        return instant;
    }
}
