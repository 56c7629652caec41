package ai.switchboard.providers.gemini.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feeds Gemini errors to the gateway's one classifier, {@link UpstreamErrors}. Google's conventions differ from
 * OpenAI's, so the status, headers and body are restated in the terms the classifier knows before it sees them:
 * <ul>
 * <li>400 with {@code API_KEY_INVALID} is a bad credential: classified as 401 (the classifier then uses its fixed,
 * key-free message);</li>
 * <li>402, and 429 on a per-day quota, will not clear by retrying: code {@code insufficient_quota};</li>
 * <li>other 429s: code {@code rate_limit_exceeded}, with {@code RetryInfo.retryDelay} as the delay when the response
 * has no {@code Retry-After} header;</li>
 * <li>400 {@code FAILED_PRECONDITION} (no free tier in the region, billing not enabled) is the deployment's problem,
 * not the request's: classified as 403 so it is not blamed on the client;</li>
 * <li>an input over the model's window: code {@code context_length_exceeded};</li>
 * <li>499 {@code CANCELLED}: Google saw the call cancelled while the gateway was still waiting for it, so it is a
 * transient upstream fault, classified as 502; passing 499 on would tell an OpenAI client that it had closed the
 * request itself.</li>
 * </ul>
 * The exception keeps the status Gemini really answered as its upstream status.
 */
public final class GeminiErrors {

    /** Google's status for a cancelled call ({@code CANCELLED}); not a standard HTTP status. */
    private static final int CANCELLED = 499;

    private static final Pattern CONTEXT_LENGTH =
            Pattern.compile("(?i)input token count.*exceeds the maximum|exceeds the maximum number of tokens");

    private GeminiErrors() {
    }

    /** Classifies a non-2xx answer; {@code body} may be empty or truncated. */
    public static ProviderException fromResponse(ProviderEndpoint endpoint, int status, HttpHeaders headers,
            byte[] body) {
        GeminiErrorBody error = GeminiErrorBody.parse(body);
        if (error == null) {
            if (status == CANCELLED) {
                return withUpstreamStatus(UpstreamErrors.fromResponse(endpoint, 502, headers, body), status);
            }
            return UpstreamErrors.fromResponse(endpoint, status, headers, body);
        }
        return classify(endpoint, status, headers, error, status);
    }

    /** Classifies an error object sent inside a 200 stream; its {@code code} is the HTTP status it stands for. */
    public static ProviderException fromPayload(ProviderEndpoint endpoint, JsonNode payload) {
        GeminiErrorBody error = GeminiErrorBody.of(payload);
        if (error == null) {
            return UpstreamErrors.fromErrorPayload(endpoint, payload);
        }
        int status = error.code() >= 400 && error.code() < 600 ? error.code() : 500;
        return classify(endpoint, status, new HttpHeaders(), error, null);
    }

    private static ProviderException classify(ProviderEndpoint endpoint, int status, HttpHeaders headers,
            GeminiErrorBody error, Integer upstreamStatus) {
        int effectiveStatus = status;
        String code = error.status() == null ? null : error.status().toLowerCase(Locale.ROOT);
        // Every branch restates a 4xx only: a 5xx is Google's own failure whatever its details say.
        if (!UpstreamErrors.statusDecides(status)
                && (error.reasons().contains("API_KEY_INVALID") || "UNAUTHENTICATED".equals(error.status()))) {
            effectiveStatus = 401;
            code = "invalid_api_key";
        }
        else if (status == 402 || (status == 429 && perDayQuota(error))) {
            effectiveStatus = 429;
            code = "insufficient_quota";
        }
        else if (status == 429) {
            code = "rate_limit_exceeded";
        }
        else if (status == 400 && "FAILED_PRECONDITION".equals(error.status())) {
            effectiveStatus = 403;
        }
        else if (status == 400 && error.message() != null && CONTEXT_LENGTH.matcher(error.message()).find()) {
            code = "context_length_exceeded";
        }
        else if (status == CANCELLED) {
            effectiveStatus = 502;
        }
        ProviderException classified = UpstreamErrors.fromResponse(endpoint, effectiveStatus,
                withRetryDelay(headers, error), openAiBody(error.message(), code));
        return withUpstreamStatus(classified, upstreamStatus);
    }

    private static ProviderException withUpstreamStatus(ProviderException classified, Integer upstreamStatus) {
        return new ProviderException(classified.type(), classified.status(), classified.getMessage(),
                classified.param(), classified.code(), classified.retryAfter(), upstreamStatus);
    }

    private static boolean perDayQuota(GeminiErrorBody error) {
        return error.quotaIds().stream().anyMatch(id -> id.contains("PerDay"));
    }

    /** A {@code Retry-After} header wins; otherwise Google's {@code retryDelay} is passed on in milliseconds. */
    private static HttpHeaders withRetryDelay(HttpHeaders headers, GeminiErrorBody error) {
        if (error.retryDelay() == null || headers.containsHeader(HttpHeaders.RETRY_AFTER)
                || headers.containsHeader("retry-after-ms")) {
            return headers;
        }
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        copy.set("retry-after-ms", Long.toString(error.retryDelay().toMillis()));
        return copy;
    }

    /** The error restated in OpenAI's shape; the classifier scrubs and truncates the message. */
    private static byte[] openAiBody(String message, String code) {
        ObjectNode body = WireJson.mapper().createObjectNode();
        ObjectNode error = body.putObject("error");
        if (message != null) {
            error.put("message", message);
        }
        if (code != null) {
            error.put("code", code);
        }
        return WireJson.mapper().writeValueAsBytes(body);
    }
}
