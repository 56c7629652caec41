package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StrictBinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads admin request bodies strictly, whatever the application's shared mapper allows ({@link StrictBinding}: no
 * type coercion, no repeated keys, no unknown fields, no trailing content). A JSON {@code null} is refused except for
 * the optional fields a request type lists as nullable: there it means "not set" on a create and "remove" on a
 * PATCH. Every failure becomes a {@link RegistryValidationException} naming the field, never echoing the value
 * (which could be a credential).
 */
final class AdminJson {

    private static final JsonMapper MAPPER = StrictBinding.configure(JsonMapper.builder()).build();

    private AdminJson() {
    }

    /** Parses a body that must be a JSON object. */
    private static ObjectNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new RegistryValidationException("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            FieldError error = StrictBinding.error(e);
            throw new RegistryValidationException(error.field(),
                    error.field().equals("body") ? "malformed JSON" : error.message());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new RegistryValidationException("body", "must be a JSON object");
        }
        return object;
    }

    /** Binds a parsed object to a request record, refusing {@code null} for every field not in {@code nullable}. */
    private static <T> T bind(ObjectNode node, Class<T> type, Set<String> nullable) {
        T bound;
        try {
            bound = MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new RegistryValidationException(List.of(StrictBinding.error(e)));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : node.propertyNames()) {
            if (node.get(field).isNull() && !nullable.contains(field)) {
                errors.add(new FieldError(field, "must not be null"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RegistryValidationException(errors);
        }
        return bound;
    }

    static <T> T read(String body, Class<T> type, Set<String> nullable) {
        return bind(readObject(body), type, nullable);
    }

    /** A PATCH body: the fields sent as JSON {@code null} (all of them in {@code nullable}) are to be removed. */
    static <T> Patch<T> readPatch(String body, Class<T> type, Set<String> nullable) {
        ObjectNode node = readObject(body);
        T request = bind(node, type, nullable);
        Set<String> cleared = new LinkedHashSet<>();
        for (String field : node.propertyNames()) {
            if (node.get(field).isNull()) {
                cleared.add(field);
            }
        }
        return new Patch<>(request, cleared);
    }

    /** A bound PATCH body and the optional fields it removes. */
    record Patch<T>(T request, Set<String> cleared) {
    }
}
