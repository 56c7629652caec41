package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.agent.JsonSchemaInspector;
import ai.switchboard.tools.invoke.ArgumentSchema;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks an agent's answer schema with the rules tool arguments are checked by ({@link ArgumentSchema}: valid
 * against its draft's meta-schema, never fetched), so a schema accepted on write is one a run can apply. A reference
 * outside the schema is refused here: the validator would compile it and fail on every answer that reaches it.
 */
@Component
class ArgumentSchemaInspector implements JsonSchemaInspector {

    @Override
    public void inspect(String field, JsonNode schema, FieldErrors errors) {
        if (schema == null || !schema.isObject()) {
            errors.add(field, "must be a JSON Schema object");
            return;
        }
        String outside = referenceOutside(schema);
        if (outside != null) {
            errors.add(field, "must not refer outside itself (" + outside + "); define shared parts under $defs "
                    + "and refer to them as #/$defs/...");
            return;
        }
        try {
            ArgumentSchema.compile(schema);
        } catch (IllegalArgumentException e) {
            // The library names the keyword at fault and the rule it breaks; an answer schema holds no secret.
            errors.add(field, "is not a usable JSON Schema: " + e.getMessage());
        }
    }

    /** The first {@code $ref} or {@code $dynamicRef} that does not point into the schema itself, if any. */
    private static String referenceOutside(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                boolean reference = member.getKey().equals("$ref") || member.getKey().equals("$dynamicRef");
                if (reference && !(member.getValue().isString() && member.getValue().asString().startsWith("#"))) {
                    return member.getKey();
                }
                String nested = referenceOutside(member.getValue());
                if (nested != null) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String nested = referenceOutside(item);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
