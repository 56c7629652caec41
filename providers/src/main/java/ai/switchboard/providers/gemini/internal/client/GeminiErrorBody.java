package ai.switchboard.providers.gemini.internal.client;

import ai.switchboard.providers.json.WireJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a Google API error says: {@code {"error":{"code","message","status","details":[...]}}}, with the details the
 * gateway acts on: {@code ErrorInfo.reason} (e.g. {@code API_KEY_INVALID}), {@code QuotaFailure} quota ids (a
 * {@code PerDay} quota will not clear soon) and {@code RetryInfo.retryDelay}. Non-SSE streams wrap it in an array.
 *
 * @param code the HTTP status Google put in the body, or 0
 * @param status the canonical status, e.g. {@code RESOURCE_EXHAUSTED}, or {@code null}
 * @param message the message as sent (not yet scrubbed), or {@code null}
 * @param reasons every {@code ErrorInfo.reason}
 * @param quotaIds every {@code QuotaFailure.violations[].quotaId}
 * @param retryDelay the {@code RetryInfo.retryDelay}, or {@code null}
 */
public record GeminiErrorBody(int code, String status, String message, List<String> reasons, List<String> quotaIds,
        Duration retryDelay) {

    public GeminiErrorBody {
        reasons = List.copyOf(reasons);
        quotaIds = List.copyOf(quotaIds);
    }

    /** Reads a raw body; {@code null} when it is not a Google error (empty, HTML, another shape). */
    public static GeminiErrorBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return of(WireJson.mapper().readTree(body));
        }
        catch (JacksonException notJson) {
            return null;
        }
    }

    /** Reads a parsed payload; {@code null} when it holds no {@code error} object. */
    public static GeminiErrorBody of(JsonNode payload) {
        JsonNode root = payload != null && payload.isArray() && !payload.isEmpty() ? payload.get(0) : payload;
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isObject()) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        List<String> quotaIds = new ArrayList<>();
        Duration retryDelay = null;
        for (JsonNode detail : error.path("details")) {
            String type = detail.path("@type").asString("");
            if (detail.hasNonNull("reason")) {
                reasons.add(detail.get("reason").asString());
            }
            if (type.endsWith("QuotaFailure")) {
                for (JsonNode violation : detail.path("violations")) {
                    if (violation.hasNonNull("quotaId")) {
                        quotaIds.add(violation.get("quotaId").asString());
                    }
                }
            }
            if (type.endsWith("RetryInfo") && retryDelay == null) {
                retryDelay = duration(detail.path("retryDelay").asString(null));
            }
        }
        return new GeminiErrorBody(error.path("code").asInt(0), text(error.get("status")), text(error.get("message")),
                reasons, quotaIds, retryDelay);
    }

    /** A protobuf Duration in JSON ({@code "37s"}, {@code "2.500s"}); {@code null} when absent or malformed. */
    static Duration duration(String value) {
        if (value == null || value.length() < 2 || !value.endsWith("s")) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.substring(0, value.length() - 1));
            if (seconds.signum() < 0) {
                return null;
            }
            return Duration.ofMillis(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING)
                    .longValueExact());
        }
        catch (NumberFormatException | ArithmeticException notADuration) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }
}
