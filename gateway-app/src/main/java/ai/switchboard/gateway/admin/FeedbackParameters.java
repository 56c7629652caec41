package ai.switchboard.gateway.admin;

import ai.switchboard.observability.feedback.FeedbackFilter;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** The query of {@code GET /admin/v1/feedback}: {@code model}, {@code route}, {@code from}, {@code to}. */
final class FeedbackParameters {

    static final Set<String> NAMES = Set.of("model", "route", "from", "to");

    private FeedbackParameters() {
    }

    static FeedbackFilter parse(MultiValueMap<String, String> query) {
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
        new FieldErrors().text("model", query.getFirst("model"), 200).text("route", query.getFirst("route"), 200)
                .throwIfAny();
        Instant from = query.getFirst("from") == null ? null
                : UsageParameters.instant(query.getFirst("from"), "from", errors);
        Instant to = query.getFirst("to") == null ? null : UsageParameters.instant(query.getFirst("to"), "to", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
        return new FeedbackFilter(query.getFirst("model"), query.getFirst("route"), from, to);
    }
}
