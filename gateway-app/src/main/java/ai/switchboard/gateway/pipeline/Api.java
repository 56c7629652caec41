package ai.switchboard.gateway.pipeline;

import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.registry.Capability;

/**
 * The GenAI APIs served through the pipeline, each with its OpenTelemetry operation name and the capability a
 * model needs to answer it (streaming is added when the client streams).
 */
public enum Api {
    CHAT(GenAiConventions.OPERATION_CHAT, Capability.CHAT),
    COMPLETIONS(GenAiConventions.OPERATION_TEXT_COMPLETION, Capability.COMPLETIONS),
    EMBEDDINGS(GenAiConventions.OPERATION_EMBEDDINGS, Capability.EMBEDDINGS),
    /** {@code /v1/responses}: a chat turn in the Responses API's shape. */
    RESPONSES(GenAiConventions.OPERATION_CHAT, Capability.CHAT),
    /** Anthropic's Messages API: a chat in another wire format. */
    MESSAGES(GenAiConventions.OPERATION_MESSAGES, Capability.CHAT),
    /** Anthropic's token count for a Messages request, of a model that could serve it. */
    COUNT_TOKENS(GenAiConventions.OPERATION_COUNT_TOKENS, Capability.CHAT);

    private final String operation;
    private final Capability capability;

    Api(String operation, Capability capability) {
        this.operation = operation;
        this.capability = capability;
    }

    /** The {@code gen_ai.operation.name}. */
    public String operation() {
        return operation;
    }

    /** What a model must support to serve this API. */
    public Capability capability() {
        return capability;
    }
}
