package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.json.WireJson;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Whether an answer is good enough to return rather than escalate: it finished normally ({@code stop}, or
 * {@code tool_calls} when tools were offered), is not empty, is JSON when JSON was asked for (and valid against the
 * schema for {@code json_schema}), is not a refusal, and, when the provider returned logprobs, has a mean token logprob at or above
 * the threshold.
 *
 * @param refusalPatterns case-insensitive patterns that mark a refusal
 * @param minMeanLogprob the lowest acceptable mean token logprob, or {@code null} to skip the check
 */
public record AcceptanceChecks(List<Pattern> refusalPatterns, Double minMeanLogprob) {

    /** Draft 2020-12 unless a schema names another draft in {@code $schema}. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    public AcceptanceChecks {
        refusalPatterns = List.copyOf(refusalPatterns);
    }

    /** Why the answer is rejected, or {@code null} when it is accepted. */
    public String rejection(ChatRequest request, TargetAnswer answer) {
        if (answer.response().choices().isEmpty()) {
            return "no choices";
        }
        ChatChoice choice = answer.response().choices().get(0);
        boolean toolCall = choice.message() != null && choice.message().hasToolCalls();
        String finish = choice.finishReason();
        if (!"stop".equals(finish) && !(toolCall && "tool_calls".equals(finish))) {
            return "finish_reason " + finish;
        }
        if (choice.message() != null && choice.message().refusal() != null) {
            return "refusal";
        }
        String text = answer.text();
        if (text.isBlank() && !toolCall) {
            return "empty";
        }
        for (Pattern pattern : refusalPatterns) {
            if (pattern.matcher(text).find()) {
                return "refusal pattern";
            }
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.wantsJson()) {
            String invalid = jsonProblem(text, format);
            if (invalid != null) {
                return invalid;
            }
        }
        if (minMeanLogprob != null) {
            double mean = meanLogprob(choice.logprobs());
            if (!Double.isNaN(mean) && mean < minMeanLogprob) {
                return "mean logprob " + String.format(java.util.Locale.ROOT, "%.2f", mean);
            }
        }
        return null;
    }

    private static String jsonProblem(String text, ResponseFormat format) {
        JsonNode value;
        try {
            value = WireJson.mapper().readTree(text);
        } catch (JacksonException e) {
            return "invalid JSON";
        }
        if (ResponseFormat.JSON_SCHEMA.equals(format.type()) && format.jsonSchema() != null
                && format.jsonSchema().path("schema").isObject()) {
            return schemaProblem(format.jsonSchema().path("schema"), value);
        }
        return null;
    }

    /**
     * Validates against the client's JSON Schema. The registry's default loader never fetches remote references,
     * so a schema cannot make the gateway reach out to the network; a schema that cannot be applied rejects the
     * step rather than accepting an unchecked answer.
     */
    private static String schemaProblem(JsonNode schema, JsonNode value) {
        List<Error> errors;
        try {
            errors = SCHEMAS.getSchema(schema.toString()).validate(value);
        } catch (RuntimeException unusable) {
            return "schema could not be applied";
        }
        if (errors.isEmpty()) {
            return null;
        }
        String first = errors.get(0).toString();
        return "JSON does not match the schema: " + (first.length() > 200 ? first.substring(0, 200) + "…" : first);
    }

    /** The mean of {@code logprobs.content[].logprob}, or {@code NaN} when the provider sent none. */
    static double meanLogprob(JsonNode logprobs) {
        if (logprobs == null || !logprobs.path("content").isArray() || logprobs.path("content").isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        int count = 0;
        for (JsonNode token : logprobs.path("content")) {
            if (token.path("logprob").isNumber()) {
                sum += token.path("logprob").asDouble();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
