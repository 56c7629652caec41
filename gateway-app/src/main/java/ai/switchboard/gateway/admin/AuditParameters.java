package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.audit.AuditFilter;
import ai.switchboard.registry.audit.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /admin/v1/audit}: filters ({@code actor_key}, {@code team}, {@code entity_type},
 * {@code entity_id}, {@code action}, {@code from}, {@code to}), {@code limit} (1 to 500, default 100) and the
 * {@code cursor} of the page before.
 */
record AuditParameters(AuditFilter filter, String cursor, int limit) {

    static final Set<String> NAMES =
            Set.of("actor_key", "team", "entity_type", "entity_id", "action", "from", "to", "limit", "cursor");
    static final int DEFAULT_LIMIT = 100;

    static AuditParameters parse(MultiValueMap<String, String> query) {
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
        FieldErrors checks = new FieldErrors()
                .text("actor_key", query.getFirst("actor_key"), 128).text("team", query.getFirst("team"), 128)
                .text("entity_type", query.getFirst("entity_type"), 32).text("action", query.getFirst("action"), 32)
                .text("cursor", query.getFirst("cursor"), 64);
        checks.throwIfAny();
        String entityIdText = query.getFirst("entity_id");
        UUID entityId = entityIdText == null ? null : IdOrName.asUuid(entityIdText);
        if (entityIdText != null && entityId == null) {
            errors.add(new FieldError("entity_id", "must be a UUID"));
        }
        Instant from = query.getFirst("from") == null ? null
                : UsageParameters.instant(query.getFirst("from"), "from", errors);
        Instant to = query.getFirst("to") == null ? null : UsageParameters.instant(query.getFirst("to"), "to", errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("from", "must be before to"));
        }
        int limit = DEFAULT_LIMIT;
        String limitText = query.getFirst("limit");
        if (limitText != null) {
            limit = limitText.matches("[0-9]{1,4}") ? Integer.parseInt(limitText) : -1;
            if (limit < 1 || limit > AuditTrail.MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be an integer from 1 to " + AuditTrail.MAX_LIMIT));
            }
        }
        String cursor = query.getFirst("cursor");
        if (cursor != null && !AuditTrail.isCursor(cursor)) {
            errors.add(new FieldError("cursor", "is not a cursor this API returned"));
        }
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
        return new AuditParameters(new AuditFilter(query.getFirst("actor_key"), query.getFirst("team"),
                query.getFirst("entity_type"), entityId, query.getFirst("action"), from, to), cursor, limit);
    }
}
