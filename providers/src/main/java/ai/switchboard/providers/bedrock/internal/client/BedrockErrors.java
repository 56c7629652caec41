package ai.switchboard.providers.bedrock.internal.client;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.json.WireJson;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads Bedrock's errors and feeds them to the one classifier, {@link UpstreamErrors}. Bedrock puts the error's kind
 * in the {@code x-amzn-ErrorType} header ({@code ThrottlingException:http://internal.amazon.com/...}) and a
 * {@code {"message"}} body; in a stream, an {@code exception} frame names it in {@code :exception-type}. The status
 * alone misleads in places (a quota error is a 400, a model failure a 424), so the kind refines the status-based
 * classification of a 4xx; a 5xx is a server error whatever kind it names ({@link UpstreamErrors#statusDecides}).
 */
public final class BedrockErrors {

    /** The header carrying the error's kind. */
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private static final Map<String, ErrorType> TYPES = Map.ofEntries(
            Map.entry("validationexception", ErrorType.INVALID_REQUEST),
            Map.entry("servicequotaexceededexception", ErrorType.QUOTA_EXCEEDED),
            Map.entry("accessdeniedexception", ErrorType.PERMISSION),
            Map.entry("unrecognizedclientexception", ErrorType.AUTHENTICATION),
            Map.entry("invalidsignatureexception", ErrorType.AUTHENTICATION),
            Map.entry("incompletesignatureexception", ErrorType.AUTHENTICATION),
            Map.entry("missingauthenticationtokenexception", ErrorType.AUTHENTICATION),
            Map.entry("expiredtokenexception", ErrorType.AUTHENTICATION),
            Map.entry("resourcenotfoundexception", ErrorType.NOT_FOUND),
            Map.entry("modeltimeoutexception", ErrorType.TIMEOUT),
            Map.entry("modelerrorexception", ErrorType.UPSTREAM_SERVER_ERROR),
            Map.entry("modelstreamerrorexception", ErrorType.UPSTREAM_SERVER_ERROR),
            Map.entry("throttlingexception", ErrorType.RATE_LIMITED),
            Map.entry("modelnotreadyexception", ErrorType.RATE_LIMITED),
            Map.entry("internalserverexception", ErrorType.UPSTREAM_SERVER_ERROR),
            Map.entry("serviceunavailableexception", ErrorType.UPSTREAM_UNAVAILABLE));

    /** HTTP statuses of the exceptions that arrive as stream frames, so they classify like their HTTP twins. */
    private static final Map<String, Integer> STREAM_STATUSES = Map.of(
            "validationexception", 400,
            "throttlingexception", 429,
            "modeltimeoutexception", 408,
            "modelstreamerrorexception", 424,
            "internalserverexception", 500,
            "serviceunavailableexception", 503);

    private BedrockErrors() {
    }

    /** Classifies a non-2xx answer; {@code body} may be empty or truncated. */
    public static ProviderException fromResponse(ProviderEndpoint endpoint, int status, HttpHeaders headers,
            byte[] body) {
        ProviderException base = UpstreamErrors.fromResponse(endpoint, status, headers, body);
        return refine(endpoint, base, errorType(headers.getFirst(ERROR_TYPE_HEADER)), body, status);
    }

    /** Classifies an {@code exception} frame received after HTTP 200. */
    public static ProviderException fromStreamException(ProviderEndpoint endpoint, String exceptionType,
            byte[] payload) {
        String kind = exceptionType == null ? "" : exceptionType;
        int status = STREAM_STATUSES.getOrDefault(kind.toLowerCase(Locale.ROOT), statusOf(kind));
        HttpHeaders headers = new HttpHeaders();
        headers.set(ERROR_TYPE_HEADER, kind);
        ProviderException classified = fromResponse(endpoint, status, headers, payload);
        // The HTTP status was 200; the one above only served classification. Report the error as a server-side one.
        return new ProviderException(classified.type(), classified.type().defaultStatus(), classified.getMessage(),
                null, classified.code(), null, null);
    }

    /** Classifies an {@code error} frame, which carries a code and a message in headers instead of a payload. */
    public static ProviderException fromStreamError(ProviderEndpoint endpoint, String code, String message) {
        ErrorType type = code == null ? null : TYPES.get(code.toLowerCase(Locale.ROOT));
        type = type == null ? ErrorType.UPSTREAM_SERVER_ERROR : type;
        String text = UpstreamErrors.upstreamText(endpoint, message);
        return new ProviderException(type, type.defaultStatus(),
                text == null ? "Provider '" + endpoint.name() + "' reported an error in the stream" : text, null,
                UpstreamErrors.upstreamText(endpoint, code), null, null);
    }

    /**
     * The status a stream frame's kind stands for when Bedrock documents none for it: its class's own, so that a
     * client-side kind is not mistaken for a 500, whose status would then decide the class; unknown kinds are 500.
     */
    private static int statusOf(String kind) {
        ErrorType type = TYPES.get(kind.toLowerCase(Locale.ROOT));
        return type == null ? 500 : type.defaultStatus();
    }

    /** The error's kind: the text before the first {@code :} of the header, or {@code null}. */
    static String errorType(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int colon = header.indexOf(':');
        return (colon < 0 ? header : header.substring(0, colon)).trim();
    }

    private static ProviderException refine(ProviderEndpoint endpoint, ProviderException base, String kind,
            byte[] body, int status) {
        // A 5xx stays a server error whatever kind it names; below that the kind refines the status.
        ErrorType byKind = kind == null || UpstreamErrors.statusDecides(status) ? null
                : TYPES.get(kind.toLowerCase(Locale.ROOT));
        ErrorType type = byKind == null ? base.type() : byKind;
        if (base.type() == ErrorType.CONTEXT_LENGTH_EXCEEDED
                || (type == ErrorType.INVALID_REQUEST && mentionsContextLength(base.getMessage()))) {
            type = ErrorType.CONTEXT_LENGTH_EXCEEDED;
        }
        int clientStatus = type == base.type() ? base.status() : type.defaultStatus();
        String message;
        if (type == ErrorType.AUTHENTICATION || type == ErrorType.PERMISSION) {
            // IAM texts name the account, user ARN and sometimes the access key id: never pass them on.
            message = "The upstream provider rejected the gateway's credentials for provider '" + endpoint.name()
                    + "'";
        }
        else {
            String upstream = UpstreamErrors.upstreamText(endpoint, bodyMessage(body));
            message = upstream != null ? upstream : UpstreamErrors.upstreamText(endpoint, base.getMessage());
        }
        return new ProviderException(type, clientStatus, message, base.param(),
                UpstreamErrors.upstreamText(endpoint, code(type, kind)), base.retryAfter(), status, base);
    }

    private static String code(ErrorType type, String kind) {
        return switch (type) {
            case QUOTA_EXCEEDED -> "insufficient_quota";
            case CONTEXT_LENGTH_EXCEEDED -> "context_length_exceeded";
            case RATE_LIMITED -> "rate_limit_exceeded";
            default -> kind;
        };
    }

    private static boolean mentionsContextLength(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("input is too long") || lower.contains("prompt is too long")
                || lower.contains("too many input tokens") || lower.contains("context window")
                || lower.contains("context length");
    }

    /** Bedrock writes {@code message}; the AWS front door sometimes {@code Message}. */
    private static String bodyMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = WireJson.mapper().readTree(body);
            JsonNode message = node.has("message") ? node.get("message") : node.get("Message");
            return message != null && message.isString() ? message.asString() : null;
        }
        catch (JacksonException notJson) {
            // An HTML page from a proxy says nothing a client can act on.
            return null;
        }
    }
}
