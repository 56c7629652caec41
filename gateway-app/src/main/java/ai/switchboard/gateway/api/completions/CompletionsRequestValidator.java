package ai.switchboard.gateway.api.completions;

import static ai.switchboard.gateway.api.support.FieldRule.bool;
import static ai.switchboard.gateway.api.support.FieldRule.integer;
import static ai.switchboard.gateway.api.support.FieldRule.number;
import static ai.switchboard.gateway.api.support.FieldRule.object;
import static ai.switchboard.gateway.api.support.FieldRule.string;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.support.OpenAiFieldRules;
import ai.switchboard.gateway.api.support.KnownFields;
import ai.switchboard.gateway.api.support.ParamErrors;
import ai.switchboard.gateway.api.support.TextOrTokens;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a legacy completions body against OpenAI's documented fields before any upstream is called. The body stays
 * raw JSON (it is passed through), so every documented field is checked here, by its rule; others pass untouched.
 */
final class CompletionsRequestValidator {

    static final KnownFields FIELDS = new KnownFields(Map.ofEntries(
            Map.entry("model", string()),
            Map.entry("prompt", new TextOrTokens(Integer.MAX_VALUE, true)::check),
            Map.entry("best_of", integer(0, 20)),
            Map.entry("echo", bool()),
            Map.entry("frequency_penalty", number(-2, 2)),
            Map.entry("presence_penalty", number(-2, 2)),
            Map.entry("logit_bias", OpenAiFieldRules.LOGIT_BIAS),
            Map.entry("logprobs", integer(0, 5)),
            Map.entry("max_tokens", integer(0, Integer.MAX_VALUE)),
            Map.entry("n", integer(1, 128)),
            Map.entry("seed", integer(Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry("stop", OpenAiFieldRules.STOP),
            Map.entry("stream", bool()),
            Map.entry("stream_options", object(Map.of("include_usage", bool(), "include_obfuscation", bool()))),
            Map.entry("suffix", string()),
            Map.entry("temperature", number(0, 2)),
            Map.entry("top_p", number(0, 1)),
            Map.entry("user", string())));

    private CompletionsRequestValidator() {
    }

    /** Checks {@code body}; returns whether a stream was asked for. */
    static boolean validate(ObjectNode body) {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw ApiException.invalidRequest("You must provide a model parameter.", "model");
        }
        JsonNode prompt = body.get("prompt");
        if (prompt == null || prompt.isNull()) {
            throw ParamErrors.missing("prompt");
        }
        FIELDS.check(body, "");
        boolean stream = body.path("stream").asBoolean(false);
        JsonNode streamOptions = body.get("stream_options");
        if (streamOptions != null && !streamOptions.isNull() && !stream) {
            throw ParamErrors.invalid("stream_options", "only allowed when 'stream' is true.");
        }
        return stream;
    }
}
