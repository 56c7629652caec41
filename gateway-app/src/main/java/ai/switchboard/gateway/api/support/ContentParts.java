package ai.switchboard.gateway.api.support;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks an array of content parts as OpenAI does, for chat messages and Responses items alike: a non-empty array of
 * objects, each with a string {@code type} out of those the context allows, and the members that type documents.
 */
public final class ContentParts {

    private ContentParts() {
    }

    /**
     * @param allowed the part types allowed here, in the order an error lists them
     * @param rules the rule of each allowed type
     */
    public static void check(JsonNode content, String param, List<String> allowed, Map<String, FieldRule> rules) {
        if (!content.isArray()) {
            throw ParamErrors.type(param, "a string or an array of content parts", content);
        }
        if (content.isEmpty()) {
            throw ParamErrors.empty(param, "array of content parts");
        }
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String partParam = param + "[" + i + "]";
            if (!part.isObject()) {
                throw ParamErrors.type(partParam, JsonTypes.OBJECT, part);
            }
            JsonNode type = part.get("type");
            if (type == null) {
                throw ParamErrors.missing(partParam + ".type");
            }
            FieldRule.string().check(type, partParam + ".type");
            if (!allowed.contains(type.asString())) {
                throw ParamErrors.notOneOf(partParam + ".type", type.asString(), allowed);
            }
            rules.get(type.asString()).check(part, partParam);
        }
    }
}
