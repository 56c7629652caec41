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

    /** Span name prefix and attributes of GenAI spans (semconv: span name is "{operation} {model}"). */
    public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";
    public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    public static final String USAGE_CACHED_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens";
    public static final String RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";
    public static final String INPUT_MESSAGES = "gen_ai.input.messages";
    public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

    public static final String OPERATION_NAME = "gen_ai.operation.name";
    public static final String PROVIDER_NAME = "gen_ai.provider.name";
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    public static final String RESPONSE_MODEL = "gen_ai.response.model";
    public static final String TOKEN_TYPE = "gen_ai.token.type";
    public static final String ERROR_TYPE = "error.type";

    public static final String OPERATION_CHAT = "chat";
    public static final String OPERATION_TEXT_COMPLETION = "text_completion";
    public static final String OPERATION_EMBEDDINGS = "embeddings";
    /** A chat through Anthropic's Messages API ({@code /v1/messages}); named apart so its traffic can be told. */
    public static final String OPERATION_MESSAGES = "messages";
    /** Anthropic's {@code /v1/messages/count_tokens}. */
    public static final String OPERATION_COUNT_TOKENS = "count_tokens";
    /** A whole agent run: the request that asked for it (OpenTelemetry GenAI agent spans). */
    public static final String OPERATION_INVOKE_AGENT = "invoke_agent";
    /** One tool call of an agent run. */
    public static final String OPERATION_EXECUTE_TOOL = "execute_tool";
    public static final String AGENT_NAME = "gen_ai.agent.name";
    public static final String TOOL_NAME = "gen_ai.tool.name";
    public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";
    public static final String TOOL_TYPE = "gen_ai.tool.type";

    public static final String TOKEN_TYPE_INPUT = "input";
    public static final String TOKEN_TYPE_OUTPUT = "output";

    /** The {@code error.type} value for a request that did not fail. */
    public static final String NO_ERROR = "none";

    // Switchboard's own meters and attributes (not part of the semantic conventions).

    /** Requests by route, operation and outcome. */
    public static final String GATEWAY_REQUESTS = "switchboard.requests";
    /** Upstream attempts by route, provider and outcome. */
    public static final String GATEWAY_ATTEMPTS = "switchboard.attempts";
    /** Requests that moved to another deployment after a failure, by route and the error that caused it. */
    public static final String GATEWAY_FALLBACKS = "switchboard.fallbacks";
    /** Retries of the same deployment, by route, provider and error. */
    public static final String GATEWAY_RETRIES = "switchboard.retries";
    /** Cascade escalations, by route and the step escalated to. */
    public static final String GATEWAY_CASCADE_ESCALATIONS = "switchboard.cascade.escalations";
    /** Ensemble member calls, by route and member model. */
    public static final String GATEWAY_ENSEMBLE_MEMBERS = "switchboard.ensemble.members";
    /** Spend in USD, by model and provider. */
    public static final String GATEWAY_COST = "switchboard.cost.usd";
    /** Usage records accepted but not yet written. */
    public static final String USAGE_QUEUE_DEPTH = "switchboard.usage.queue.depth";
    /** Usage batches, by outcome ({@code written}, {@code failed}). */
    public static final String USAGE_BATCHES = "switchboard.usage.batches";
    /** Usage records written to the ledger. */
    public static final String USAGE_RECORDS_WRITTEN = "switchboard.usage.records.written";
    /** Usage records lost, by reason ({@code queue_full}, {@code stopped}, {@code shutdown_timeout}). */
    public static final String USAGE_RECORDS_DROPPED = "switchboard.usage.records.dropped";
    /** Providers this replica cannot use, by reason ({@code credential_error}: stored secrets do not decrypt). */
    public static final String PROVIDERS_UNAVAILABLE = "switchboard.providers.unavailable";

    public static final String ROUTE = "switchboard.route";
    public static final String ROUTE_POLICY = "switchboard.route.policy";
    /** The registry's version of the model that answered, when the registry records one. */
    public static final String MODEL_VERSION = "switchboard.model.version";
    /** The prompt template the answering model call was built from, and its version. */
    public static final String PROMPT_NAME = "switchboard.prompt.name";
    public static final String PROMPT_VERSION = "switchboard.prompt.version";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String STEP = "step";
    public static final String REQUEST_ID = "switchboard.request.id";
    public static final String ATTEMPT = "switchboard.attempt";
    public static final String ATTEMPTS = "switchboard.attempts";
    public static final String FALLBACKS = "switchboard.fallbacks";
    public static final String CASCADE_STEP = "switchboard.cascade.step";
    public static final String STREAM = "switchboard.stream";
    public static final String HTTP_STATUS = "http.response.status_code";

    public static final String OUTCOME_SUCCESS = "success";
    public static final String OUTCOME_FAILURE = "failure";

    /** The tag value for a route, model or provider that does not apply (e.g. refused before routing). */
    public static final String NONE = "none";

    private GenAiConventions() {
    }
}
