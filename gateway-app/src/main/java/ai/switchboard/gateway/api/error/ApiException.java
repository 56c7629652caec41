package ai.switchboard.gateway.api.error;

/**
 * A request the gateway refuses itself, reported to OpenAI clients as {@code {"error":{...}}} with this status.
 * Thrown for ordinary client mistakes, so it carries no stack trace.
 */
public class ApiException extends RuntimeException {

    private static final int MAX_ECHO = 64;

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiException(int status, String type, String message, String param, String code) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    public static ApiException invalidRequest(String message, String param) {
        return new ApiException(400, "invalid_request_error", message, param, null);
    }

    public static ApiException modelNotFound(String model) {
        return new ApiException(404, "invalid_request_error",
                "The model '" + echo(model) + "' does not exist or you do not have access to it.", "model",
                "model_not_found");
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "invalid_request_error", message, null, "invalid_api_key");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "permission_error", message, null, "insufficient_permissions");
    }

    /** A request path refused by the path firewall; {@code reason} says what made it ambiguous. */
    public static ApiException ambiguousPath(String reason) {
        return new ApiException(400, "invalid_request_error", "The request path is not in canonical form: it contains "
                + reason + ". Send it without percent-encoded letters, digits or '-._~', encoded '/', '\\' or "
                + "'%', ';' parameters, empty or dot segments, backslashes and control characters.", null,
                "invalid_path");
    }

    public static ApiException uriTooLong(int limit) {
        return new ApiException(414, "invalid_request_error",
                "The request URI is longer than the gateway's limit of " + limit + " characters.", null,
                "uri_too_long");
    }

    public static ApiException tooLarge(long limitBytes) {
        return new ApiException(413, "invalid_request_error",
                "Request body is larger than the gateway's limit of " + limitBytes + " bytes.", null,
                "request_too_large");
    }

    public static ApiException notFound(String path) {
        return new ApiException(404, "invalid_request_error", "Unknown request URL: " + path + ".", null,
                "unknown_url");
    }

    /** A client's value as an error message may quote it: shortened, so a huge value cannot bloat the error. */
    public static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** Seconds for a {@code Retry-After} header, or {@code null} when waiting would not help. */
    public Long retryAfterSeconds() {
        return null;
    }
}
