package ai.switchboard.observability;

/**
 * Names from the OpenTelemetry GenAI semantic conventions (release 1.41.1). The conventions are still in
 * development, so every name the gateway emits lives here and nowhere else.
 */
public final class GenAiConventions {

    /** Server-side duration of a request, as the caller sees it (seconds). */
    public static final String SERVER_REQUEST_DURATION = "gen_ai.server.request.duration";
    /** Server-side time to the first token of a streamed answer (seconds). */
    public static final String SERVER_TIME_TO_FIRST_TOKEN = "gen_ai.server.time_to_first_token";
    /** Server-side time per output token after the first (seconds). */
    public static final String SERVER_TIME_PER_OUTPUT_TOKEN = "gen_ai.server.time_per_output_token";
    /** Duration of one upstream attempt (seconds). */
    public static final String CLIENT_OPERATION_DURATION = "gen_ai.client.operation.duration";
    /** Tokens used by one upstream attempt, by token type. */
    public static final String CLIENT_TOKEN_USAGE = "gen_ai.client.token.usage";
    /** Time to the first chunk of one upstream attempt (seconds). */
    public static final String CLIENT_TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

    public static final String OPERATION_NAME = "gen_ai.operation.name";
    public static final String PROVIDER_NAME = "gen_ai.provider.name";
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    public static final String RESPONSE_MODEL = "gen_ai.response.model";
    public static final String TOKEN_TYPE = "gen_ai.token.type";
    public static final String ERROR_TYPE = "error.type";

    public static final String OPERATION_CHAT = "chat";
    public static final String OPERATION_TEXT_COMPLETION = "text_completion";
    public static final String OPERATION_EMBEDDINGS = "embeddings";

    public static final String TOKEN_TYPE_INPUT = "input";
    public static final String TOKEN_TYPE_OUTPUT = "output";

    /** The {@code error.type} value for a request that did not fail. */
    public static final String NO_ERROR = "none";

    private GenAiConventions() {
    }
}
