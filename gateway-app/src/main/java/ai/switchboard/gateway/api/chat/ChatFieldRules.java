package ai.switchboard.gateway.api.chat;

import static ai.switchboard.gateway.api.support.FieldRule.arrayOf;
import static ai.switchboard.gateway.api.support.FieldRule.bool;
import static ai.switchboard.gateway.api.support.FieldRule.nonEmptyString;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.oneOf;
import static ai.switchboard.gateway.api.support.FieldRule.string;
import static ai.switchboard.gateway.api.support.FieldRule.stringOr;

import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.KnownFields;
import ai.switchboard.gateway.api.support.OpenAiFieldRules;
import java.util.Map;

/**
 * OpenAI's documented types of the chat fields that stay raw JSON in {@link ai.switchboard.providers.api.ChatRequest}
 * (typed fields are checked when the body is bound). Enumerations that OpenAI keeps extending with new models
 * ({@code reasoning_effort}, {@code service_tier}, {@code verbosity}) are checked as strings only: a value the
 * gateway does not know yet is the upstream's to judge.
 */
final class ChatFieldRules {

    private static final FieldRule TOOL_CHOICE_TYPE = object(Map.of("type", oneOf("function", "allowed_tools")),
            "type");
    private static final FieldRule NAMED_FUNCTION = object(Map.of("function",
            object(Map.of("name", nonEmptyString()), "name")), "function");
    private static final FieldRule ALLOWED_TOOLS = object(Map.of("allowed_tools", object(Map.of(
            "mode", oneOf("auto", "required"), "tools", arrayOf(object(), Integer.MAX_VALUE)), "mode", "tools")),
            "allowed_tools");

    static final FieldRule TOOL_CHOICE = stringOr(oneOf("none", "auto", "required"), (value, param) -> {
        TOOL_CHOICE_TYPE.check(value, param);
        ("function".equals(value.get("type").asString()) ? NAMED_FUNCTION : ALLOWED_TOOLS).check(value, param);
    }, "a string or an object");

    static final FieldRule FUNCTION = object(Map.of("name", nonEmptyString(), "description", string(),
            "parameters", object(), "strict", bool()), "name");

    static final FieldRule JSON_SCHEMA = object(Map.of("name", nonEmptyString(), "description", string(),
            "schema", object(), "strict", bool()), "name");

    /** Documented fields the canonical request keeps in {@code extra}. */
    static final KnownFields EXTRA = new KnownFields(Map.ofEntries(
            Map.entry("logit_bias", OpenAiFieldRules.LOGIT_BIAS),
            Map.entry("metadata", OpenAiFieldRules.METADATA),
            Map.entry("store", bool()),
            Map.entry("modalities", arrayOf(oneOf("text", "audio"), 2)),
            Map.entry("audio", object()),
            Map.entry("prediction", object()),
            Map.entry("web_search_options", object()),
            Map.entry("reasoning_effort", string()),
            Map.entry("service_tier", string()),
            Map.entry("verbosity", string()),
            Map.entry("prompt_cache_key", string()),
            Map.entry("safety_identifier", string()),
            Map.entry("function_call", stringOr(oneOf("none", "auto"), object(Map.of("name", nonEmptyString()),
                    "name"), "a string or an object")),
            Map.entry("functions", arrayOf(FUNCTION, 128))));

    static final KnownFields STREAM_OPTIONS_EXTRA = new KnownFields(Map.of("include_obfuscation", bool()));

    private ChatFieldRules() {
    }
}
