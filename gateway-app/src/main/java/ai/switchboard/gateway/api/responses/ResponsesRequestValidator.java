package ai.switchboard.gateway.api.responses;

import static ai.switchboard.gateway.api.support.FieldRule.bool;
import static ai.switchboard.gateway.api.support.FieldRule.integer;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.oneOf;
import static ai.switchboard.gateway.api.support.FieldRule.string;

import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.gateway.api.support.FieldRule;
import ai.switchboard.gateway.api.support.KnownFields;
import ai.switchboard.gateway.api.support.OpenAiFieldRules;
import ai.switchboard.gateway.api.support.OptionalFields;
import ai.switchboard.gateway.api.support.ParamErrors;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks a Responses request the way OpenAI does before any upstream is called, naming the parameter at fault.
 * Typed fields are already checked by strict binding; this checks presence, ranges and the fields that stay raw JSON.
 * Unknown fields pass, for a native upstream to judge; enumerations OpenAI keeps extending ({@code reasoning.effort},
 * {@code include}, {@code service_tier}) are checked as strings only.
 */
public final class ResponsesRequestValidator {

    /** Documented fields the request keeps in {@code extra}. */
    private static final KnownFields EXTRA = new KnownFields(Map.ofEntries(
            Map.entry("top_logprobs", integer(0, 20)),
            Map.entry("truncation", oneOf("auto", "disabled")),
            Map.entry("background", bool()),
            Map.entry("max_tool_calls", integer(1, Integer.MAX_VALUE)),
            Map.entry("safety_identifier", string()),
            Map.entry("service_tier", string()),
            Map.entry("prompt_cache_retention", string()),
            Map.entry("prompt", object(Map.of("id", FieldRule.nonEmptyString()), "id")),
            Map.entry("conversation", FieldRule.stringOr(string(), object(Map.of("id", FieldRule.nonEmptyString()),
                    "id"), "a string or an object")),
            Map.entry("stream_options", object(Map.of("include_obfuscation", bool())))));

    private ResponsesRequestValidator() {
    }

    public static void validate(ResponsesRequest request) {
        if (request.model() == null) {
            throw ParamErrors.missing("model");
        }
        if (request.model().isEmpty()) {
            throw ParamErrors.empty("model", "string");
        }
        validateInput(request);
        OptionalFields.check(request.tools(), "tools", ResponsesToolRules.TOOLS_ARRAY);
        OptionalFields.check(request.toolChoice(), "tool_choice", ResponsesToolRules.TOOL_CHOICE);
        OptionalFields.check(request.text(), "text", ResponsesToolRules.TEXT);
        OptionalFields.check(request.metadata(), "metadata", OpenAiFieldRules.METADATA);
        OptionalFields.range(request.maxOutputTokens(), 1, Integer.MAX_VALUE, "max_output_tokens");
        OptionalFields.range(request.temperature(), 0, 2, "temperature");
        OptionalFields.range(request.topP(), 0, 1, "top_p");
        if (request.previousResponseId() != null && request.previousResponseId().isEmpty()) {
            throw ParamErrors.empty("previous_response_id", "string");
        }
        JsonNode streamOptions = request.extra().get("stream_options");
        if (streamOptions != null && !streamOptions.isNull() && !request.isStream()) {
            throw ParamErrors.invalid("stream_options", "only allowed when 'stream' is true.");
        }
        EXTRA.check(request.extra(), "");
    }

    private static void validateInput(ResponsesRequest request) {
        JsonNode input = request.input();
        if (input == null || input.isNull()) {
            JsonNode prompt = request.extra().get("prompt");
            if (prompt == null || prompt.isNull()) {
                throw ParamErrors.missing("input");
            }
            return;
        }
        if (input.isString()) {
            return;
        }
        if (!input.isArray()) {
            throw ParamErrors.type("input", "a string or an array of input items", input);
        }
        if (input.isEmpty() && request.previousResponseId() == null) {
            throw ParamErrors.empty("input", "array of input items");
        }
        ResponsesItemRules.INPUT.check(input, "input");
    }

}
