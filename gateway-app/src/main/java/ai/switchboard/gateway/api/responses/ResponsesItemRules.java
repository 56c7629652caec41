package ai.switchboard.gateway.api.responses;

import static ai.switchboard.gateway.api.support.FieldRule.arrayOf;
import static ai.switchboard.gateway.api.support.FieldRule.nonEmptyString;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.oneOf;
import static ai.switchboard.gateway.api.support.FieldRule.string;

import ai.switchboard.gateway.api.support.ContentParts;
import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.JsonTypes;
import ai.switchboard.gateway.api.support.ParamErrors;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's documented shapes of input items and their content parts. The item types the gateway translates are
 * checked member by member; other item types (hosted tools' calls, shell calls, compactions...) only need a string
 * {@code type}, since OpenAI keeps adding them and a native upstream judges them itself.
 */
final class ResponsesItemRules {

    private static final List<String> ROLES = List.of("user", "assistant", "system", "developer");
    private static final List<String> INPUT_PARTS = List.of("input_text", "input_image", "input_file");
    private static final List<String> ASSISTANT_PARTS = List.of("output_text", "refusal", "input_text");
    private static final FieldRule ROLE = oneOf(ROLES.toArray(String[]::new));
    private static final FieldRule STATUS = oneOf("in_progress", "completed", "incomplete");

    private static final FieldRule INPUT_TEXT = object(Map.of("text", string()), "text");
    private static final FieldRule INPUT_IMAGE = (value, param) -> {
        object(Map.of("image_url", nonEmptyString(), "file_id", nonEmptyString(),
                "detail", oneOf("low", "high", "auto", "original"))).check(value, param);
        if (absent(value, "image_url") && absent(value, "file_id")) {
            throw ParamErrors.missing(param + ".image_url");
        }
    };
    private static final FieldRule INPUT_FILE = object(Map.of("file_data", string(), "file_id", nonEmptyString(),
            "file_url", nonEmptyString(), "filename", string()));
    private static final Map<String, FieldRule> PARTS = Map.of(
            "input_text", INPUT_TEXT,
            "input_image", INPUT_IMAGE,
            "input_file", INPUT_FILE,
            "output_text", object(Map.of("text", string(), "annotations", arrayOf(object(), Integer.MAX_VALUE)),
                    "text"),
            "refusal", object(Map.of("refusal", string()), "refusal"));

    private static final FieldRule MESSAGE = object(Map.of("id", string(), "status", STATUS, "role", ROLE), "role");
    private static final FieldRule INPUT_CONTENT = object(Map.of("content", contentOf(INPUT_PARTS)), "content");
    private static final FieldRule ASSISTANT_CONTENT = object(Map.of("content", contentOf(ASSISTANT_PARTS)),
            "content");

    private static final FieldRule REASONING_TEXT = object(Map.of("type", oneOf("summary_text", "reasoning_text"),
            "text", string()), "type", "text");

    private static final Map<String, FieldRule> ITEMS = Map.of(
            "function_call", object(Map.of("id", string(), "call_id", nonEmptyString(), "name", nonEmptyString(),
                    "namespace", nonEmptyString(), "arguments", string(), "status", STATUS),
                    "call_id", "name", "arguments"),
            "function_call_output", object(Map.of("id", string(), "call_id", nonEmptyString(), "status", STATUS,
                    "output", contentOf(INPUT_PARTS)), "call_id", "output"),
            "reasoning", object(Map.of("id", string(), "summary", arrayOf(REASONING_TEXT, Integer.MAX_VALUE),
                    "content", arrayOf(REASONING_TEXT, Integer.MAX_VALUE), "encrypted_content", string(),
                    "status", STATUS), "summary"),
            "item_reference", object(Map.of("id", nonEmptyString()), "id"));

    /** {@code input} as an array: each item an object of a known shape, or of another string type. */
    static final FieldRule INPUT = (value, param) -> {
        for (int i = 0; i < value.size(); i++) {
            item(value.get(i), param + "[" + i + "]");
        }
    };

    private ResponsesItemRules() {
    }

    private static void item(JsonNode item, String param) {
        if (!item.isObject()) {
            throw ParamErrors.type(param, JsonTypes.OBJECT, item);
        }
        JsonNode type = item.get("type");
        if (type != null && !type.isNull()) {
            string().check(type, param + ".type");
        }
        String name = type == null || type.isNull() ? "message" : type.asString();
        if ("message".equals(name)) {
            message(item, param);
            return;
        }
        FieldRule rule = ITEMS.get(name);
        if (rule != null) {
            rule.check(item, param);
        }
    }

    private static void message(JsonNode item, String param) {
        MESSAGE.check(item, param);
        ("assistant".equals(item.get("role").asString()) ? ASSISTANT_CONTENT : INPUT_CONTENT).check(item, param);
    }

    /** A string, or a non-empty array of parts of the {@code allowed} types. */
    private static FieldRule contentOf(List<String> allowed) {
        return (value, param) -> {
            if (!value.isString()) {
                ContentParts.check(value, param, allowed, PARTS);
            }
        };
    }

    private static boolean absent(JsonNode object, String member) {
        JsonNode value = object.get(member);
        return value == null || value.isNull();
    }
}
