package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.RegistryValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads admin request bodies strictly, whatever the application's shared mapper allows: unknown fields, trailing
 * content and nulls for primitives are rejected, and every failure becomes a {@link RegistryValidationException} that
 * names the offending field (never echoing the value, which could be a credential).
 */
final class AdminJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AdminJson() {
    }

    /** Parses a body that must be a JSON object. */
    static ObjectNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new RegistryValidationException("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new RegistryValidationException("body", "malformed JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new RegistryValidationException("body", "must be a JSON object");
        }
        return object;
    }

    /** Binds a parsed object to a request record. */
    static <T> T bind(ObjectNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new RegistryValidationException(e.getPropertyName(), "unknown field");
        } catch (JacksonException e) {
            throw new RegistryValidationException(field(e), "has the wrong type or format");
        }
    }

    static <T> T read(String body, Class<T> type) {
        return bind(readObject(body), type);
    }

    /** The JSON path of the failure, e.g. {@code capabilities[1]} or {@code settings.region}. */
    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
