package ai.switchboard.gateway.api.messages;

import static ai.switchboard.gateway.api.support.FieldRule.arrayOf;
import static ai.switchboard.gateway.api.support.FieldRule.bool;
import static ai.switchboard.gateway.api.support.FieldRule.integer;
import static ai.switchboard.gateway.api.support.FieldRule.nonEmptyString;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.oneOf;
import static ai.switchboard.gateway.api.support.FieldRule.string;
import static ai.switchboard.gateway.api.support.FieldRule.stringOr;

import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.KnownFields;
import ai.switchboard.gateway.api.support.ParamErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's documented types of the request fields that stay JSON in {@link MessagesRequest}. Values Anthropic
 * keeps extending with new models and betas ({@code output_config.effort}, {@code service_tier}, {@code speed}, the
 * members of {@code context_management}) are checked as strings or objects only: a value the gateway does not know
 * yet is the upstream's to judge.
 */
final class MessagesFieldRules {

    static final String CUSTOM_TOOL = "custom";

    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

    private static final FieldRule TOOL_NAME_RULE = (value, param) -> {
        string().check(value, param);
        if (!TOOL_NAME.matcher(value.asString()).matches()) {
            throw ParamErrors.invalid(param, "a tool name must be 1 to 128 letters, digits, '_' or '-'.");
        }
    };

    private static final FieldRule CUSTOM_TOOL_RULE = object(Map.of(
            "name", TOOL_NAME_RULE,
            "description", string(),
            "input_schema", object(Map.of("type", oneOf("object"), "properties", object(), "required",
                    arrayOf(string(), Integer.MAX_VALUE)), "type"),
            "cache_control", MessagesBlockRules.CACHE_CONTROL,
            "strict", bool(),
            "defer_loading", bool(),
            "eager_input_streaming", bool(),
            "input_examples", arrayOf(object(), Integer.MAX_VALUE)), "name", "input_schema");

    /** Anthropic's own tools ({@code web_search_20250305}, {@code bash_20250124}, ...): a name and their options. */
    private static final FieldRule ANTHROPIC_TOOL_RULE = object(Map.of("name", nonEmptyString(),
            "cache_control", MessagesBlockRules.CACHE_CONTROL), "name");

    static final FieldRule SYSTEM = stringOr(string(), arrayOf(
            (value, param) -> {
                String type = MessagesBlockRules.type(value, param);
                if (!MessagesBlockRules.TEXT.equals(type)) {
                    throw ParamErrors.notOneOf(param + ".type", type, List.of(MessagesBlockRules.TEXT));
                }
                MessagesBlockRules.TEXT_BLOCK.check(value, param);
            }, Integer.MAX_VALUE), "a string or an array of text blocks");

    private static final FieldRule TOOL_CHOICE_TYPE = object(Map.of("type", oneOf("auto", "any", "tool", "none"),
            "disable_parallel_tool_use", bool()), "type");
    private static final FieldRule NAMED_TOOL = object(Map.of("name", nonEmptyString()), "name");

    static final FieldRule TOOL_CHOICE = (value, param) -> {
        TOOL_CHOICE_TYPE.check(value, param);
        if ("tool".equals(value.get("type").asString())) {
            NAMED_TOOL.check(value, param);
        }
    };

    static final FieldRule METADATA = object(Map.of("user_id", string(256)));

    private static final FieldRule DISPLAY = oneOf("summarized", "omitted");

    private static final FieldRule THINKING_TYPE = object(Map.of("type", oneOf("enabled", "disabled", "adaptive",
            "between_tools"), "display", DISPLAY), "type");
    private static final FieldRule THINKING_BUDGET = object(Map.of("budget_tokens", integer(1024, Integer.MAX_VALUE)),
            "budget_tokens");

    static final FieldRule THINKING = (value, param) -> {
        THINKING_TYPE.check(value, param);
        if ("enabled".equals(value.get("type").asString())) {
            THINKING_BUDGET.check(value, param);
        }
    };

    static final FieldRule OUTPUT_CONFIG = object(Map.of("effort", string(), "format", object(Map.of(
            "type", oneOf("json_schema"), "schema", object()), "type", "schema")));

    /** Documented fields the request keeps in {@code extra}. */
    static final KnownFields EXTRA = new KnownFields(Map.of(
            "cache_control", MessagesBlockRules.CACHE_CONTROL,
            "container", stringOr(string(), object(), "a string or an object"),
            "mcp_servers", arrayOf(object(), Integer.MAX_VALUE),
            "inference_geo", string(),
            "speed", string(),
            "diagnostics", object()));

    private MessagesFieldRules() {
    }

    /** Checks {@code tools}: an array of custom tools and Anthropic's own, their names unique. */
    static void tools(JsonNode tools) {
        if (!tools.isArray()) {
            throw ParamErrors.type("tools", "an array of tools", tools);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String param = "tools[" + i + "]";
            object().check(tool, param);
            JsonNode type = tool.get("type");
            if (type != null && !type.isNull()) {
                nonEmptyString().check(type, param + ".type");
            }
            (isCustom(tool) ? CUSTOM_TOOL_RULE : ANTHROPIC_TOOL_RULE).check(tool, param);
            if (!names.add(tool.get("name").asString())) {
                throw ParamErrors.invalid(param + ".name", "tool names must be unique.");
            }
        }
    }

    /** Whether a (checked) tool is the client's own rather than one of Anthropic's. */
    static boolean isCustom(JsonNode tool) {
        JsonNode type = tool.get("type");
        return type == null || type.isNull() || CUSTOM_TOOL.equals(type.asString());
    }
}
