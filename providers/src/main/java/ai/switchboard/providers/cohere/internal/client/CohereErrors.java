package ai.switchboard.providers.cohere.internal.client;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Cohere's failures into the shared classifier ({@link UpstreamErrors}), which already understands Cohere's
 * error body ({@code {"id"?, "message"}}). What it cannot know is Cohere's vocabulary: the non-standard statuses
 * 498 {@code InvalidToken} (a bad key: authentication, 401) and 499 {@code ClientClosedRequest} (Cohere saw the
 * connection drop although the gateway was still waiting: a transient upstream fault, 502), and the
 * {@code ERROR}/{@code TIMEOUT} finish reasons that report a failure inside an HTTP 200 answer.
 */
public final class CohereErrors {

    private CohereErrors() {
    }

    /** The standard status a Cohere status stands for. */
    static int canonicalStatus(int cohereStatus) {
        return switch (cohereStatus) {
            case 498 -> 401;
            case 499 -> 502;
            default -> cohereStatus;
        };
    }

    /**
     * Re-reads a failure the shared classifier saw with a Cohere-only status, keeping the upstream status, the
     * Retry-After delay and the cause; everything else passes through unchanged.
     */
    public static Throwable refine(ProviderEndpoint endpoint, Throwable failure) {
        if (!(failure instanceof ProviderException classified) || classified.upstreamStatus() == null) {
            return failure;
        }
        int status = classified.upstreamStatus();
        int canonical = canonicalStatus(status);
        if (canonical == status) {
            return failure;
        }
        // No body: the credential-failure text is fixed anyway, and other messages were already read and scrubbed.
        ProviderException reread = UpstreamErrors.fromResponse(endpoint, canonical, null, new byte[0]);
        ErrorType type = reread.type();
        String message = type == ErrorType.AUTHENTICATION ? reread.getMessage() : classified.getMessage();
        return new ProviderException(type, reread.status(), message, classified.param(), classified.code(),
                classified.retryAfter(), status, classified.getCause());
    }

    /**
     * The failure reported by a Cohere answer that finished with {@code ERROR} or {@code TIMEOUT} (in a complete
     * answer or on {@code message-end}); {@code detail} is Cohere's error text, if any.
     */
    public static ProviderException finishedWithError(ProviderEndpoint endpoint, String finishReason, String detail) {
        ObjectNode payload = WireJson.mapper().createObjectNode();
        payload.put("message", detail != null && !detail.isBlank() ? detail
                : "Provider '" + endpoint.name() + "' ended the answer with finish reason " + finishReason);
        ProviderException classified = UpstreamErrors.fromErrorPayload(endpoint, payload);
        boolean timedOut = "TIMEOUT".equals(finishReason == null ? null : finishReason.toUpperCase(Locale.ROOT));
        if (!timedOut || classified.type() != ErrorType.UPSTREAM_SERVER_ERROR) {
            return classified;
        }
        return new ProviderException(ErrorType.TIMEOUT, ErrorType.TIMEOUT.defaultStatus(), classified.getMessage(),
                null, null, null, null);
    }
}
