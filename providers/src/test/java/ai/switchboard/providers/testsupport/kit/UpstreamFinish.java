package ai.switchboard.providers.testsupport.kit;

/**
 * Why the upstream stopped, in provider-neutral terms. A fixture renders each value in its provider's vocabulary
 * (Anthropic {@code stop_sequence}, Gemini {@code MAX_TOKENS}...); the kit expects the OpenAI value.
 */
public enum UpstreamFinish {
    /** A natural end of the answer. */
    STOP("stop"),
    /** One of the request's stop sequences was produced. */
    STOP_SEQUENCE("stop"),
    /** The output-token cap was reached. */
    LENGTH("length"),
    /** The model called one or more tools. */
    TOOL_CALLS("tool_calls");

    private final String openAi;

    UpstreamFinish(String openAi) {
        this.openAi = openAi;
    }

    /** The {@code finish_reason} a client must see. */
    public String openAi() {
        return openAi;
    }
}
