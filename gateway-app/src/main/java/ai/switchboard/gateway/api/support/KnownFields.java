package ai.switchboard.gateway.api.support;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rules of the fields an API documents, by name. Fields without a rule pass unchecked, so a parameter the
 * gateway does not know yet still reaches the upstream; a documented field that is {@code null} means "not set" and
 * passes too, as it does at OpenAI.
 */
public record KnownFields(Map<String, FieldRule> rules) {

    public KnownFields {
        rules = Map.copyOf(rules);
    }

    /** Checks the members of {@code object}, naming each {@code prefix + name}. */
    public void check(JsonNode object, String prefix) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            check(member.getKey(), member.getValue(), prefix);
        }
    }

    /** Checks fields kept aside by a typed request ({@code extra}), naming each {@code prefix + name}. */
    public void check(Map<String, JsonNode> fields, String prefix) {
        if (fields.isEmpty()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            check(field.getKey(), field.getValue(), prefix);
        }
    }

    private void check(String name, JsonNode value, String prefix) {
        FieldRule rule = rules.get(name);
        if (rule != null && value != null && !value.isNull()) {
            rule.check(value, prefix.isEmpty() ? name : prefix + name);
        }
    }
}
