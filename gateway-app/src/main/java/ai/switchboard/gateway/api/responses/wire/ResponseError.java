package ai.switchboard.gateway.api.responses.wire;

/**
 * {@code error} of a failed response: a {@code code} from OpenAI's list ({@code server_error},
 * {@code rate_limit_exceeded}, {@code invalid_prompt}, ...) and a message.
 */
public record ResponseError(String code, String message) {

    public static final String SERVER_ERROR = "server_error";
    public static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";
    public static final String INVALID_PROMPT = "invalid_prompt";
}
