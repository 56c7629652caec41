package ai.switchboard.gateway.api.responses;

import static ai.switchboard.gateway.api.support.FieldRule.arrayOf;
import static ai.switchboard.gateway.api.support.FieldRule.bool;
import static ai.switchboard.gateway.api.support.FieldRule.nonEmptyString;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.oneOf;
import static ai.switchboard.gateway.api.support.FieldRule.string;

import ai.switchboard.gateway.api.support.FieldRule;
import java.util.Map;

/**
 * OpenAI's documented shapes of {@code tools}, {@code tool_choice} and {@code text}. Function tools (also inside a
 * {@code namespace}) are checked member by member; hosted tools ({@code web_search}, {@code file_search},
 * {@code mcp}...) need only a string {@code type}: a native upstream checks the rest, the canonical path leaves them
 * out.
 */
final class ResponsesToolRules {

    private static final FieldRule FUNCTION_MEMBERS = object(Map.of("name", nonEmptyString(), "description", string(),
            "parameters", object(), "strict", bool()), "name");

    private static final FieldRule NAMESPACED_FUNCTION = (value, param) -> {
        object(Map.of("type", oneOf(ResponsesTools.FUNCTION)), "type").check(value, param);
        FUNCTION_MEMBERS.check(value, param);
    };

    private static final Map<String, FieldRule> TOOLS = Map.of(
            ResponsesTools.FUNCTION, FUNCTION_MEMBERS,
            ResponsesTools.NAMESPACE, object(Map.of("name", nonEmptyString(), "description", string(),
                    "tools", arrayOf(NAMESPACED_FUNCTION, 128)), "name", "tools"));

    private static final FieldRule TOOL = (value, param) -> {
        object(Map.of("type", string()), "type").check(value, param);
        FieldRule rule = TOOLS.get(value.get("type").asString());
        if (rule != null) {
            rule.check(value, param);
        }
    };

    static final FieldRule TOOLS_ARRAY = arrayOf(TOOL, 512);

    private static final Map<String, FieldRule> CHOICES = Map.of(
            "function", object(Map.of("name", nonEmptyString()), "name"),
            "custom", object(Map.of("name", nonEmptyString()), "name"),
            "mcp", object(Map.of("server_label", nonEmptyString(), "name", string()), "server_label"),
            "allowed_tools", object(Map.of("mode", oneOf("auto", "required"),
                    "tools", arrayOf(object(Map.of("type", string()), "type"), 512)), "mode", "tools"));

    static final FieldRule TOOL_CHOICE = FieldRule.stringOr(oneOf("none", "auto", "required"), (value, param) -> {
        object(Map.of("type", string()), "type").check(value, param);
        FieldRule rule = CHOICES.get(value.get("type").asString());
        if (rule != null) {
            rule.check(value, param);
        }
    }, "a string or an object");

    private static final FieldRule JSON_SCHEMA = object(Map.of("name", nonEmptyString(), "description", string(),
            "schema", object(), "strict", bool()), "name", "schema");

    private static final FieldRule FORMAT = (value, param) -> {
        object(Map.of("type", oneOf("text", "json_object", "json_schema")), "type").check(value, param);
        if ("json_schema".equals(value.get("type").asString())) {
            JSON_SCHEMA.check(value, param);
        }
    };

    static final FieldRule TEXT = object(Map.of("format", FORMAT, "verbosity", string()));

    private ResponsesToolRules() {
    }
}
