package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.json.WireJson;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Whether an answer is good enough to return rather than escalate: it finished normally ({@code stop}, or
 * {@code tool_calls} when tools were offered), is not empty, is JSON when JSON was asked for (with the schema's
 * top-level {@code required} properties present for {@code json_schema}: a structural check, not full JSON Schema
 * validation), is not a refusal, and, when the provider returned logprobs, has a mean token logprob at or above
 * the threshold.
 *
 * @param refusalPatterns case-insensitive patterns that mark a refusal
 * @param minMeanLogprob the lowest acceptable mean token logprob, or {@code null} to skip the check
 */
public record AcceptanceChecks(List<Pattern> refusalPatterns, Double minMeanLogprob) {

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
        if (ResponseFormat.JSON_SCHEMA.equals(format.type()) && format.jsonSchema() != null) {
            JsonNode schema = format.jsonSchema().path("schema");
            if ("object".equals(schema.path("type").asString(null)) && !value.isObject()) {
                return "JSON is not an object";
            }
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asString())) {
                    return "JSON misses required '" + required.asString() + "'";
                }
            }
        }
        return null;
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
