package ai.switchboard.routing.execution;

import ai.switchboard.observability.AttemptObservation;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Follows one attempt's answer (a response, embeddings, a legacy completion, or a stream's chunks) for what its observation reports at the end:
 * the model that answered, token usage and the finish reason. One instance per attempt, on one subscription.
 */
final class AttemptOutcome {

    /** The outcome of an attempt that never reached the provider (an open circuit, a full bulkhead). */
    static final AttemptOutcome NOT_CALLED = new AttemptOutcome(null);

    private final AttemptObservation observation;
    private String responseModel;
    private Usage usage;
    private String finishReason;
    private boolean first = true;

    AttemptOutcome(AttemptObservation observation) {
        this.observation = observation;
    }

    void element(Object element) {
        if (observation == null) {
            return;
        }
        if (element instanceof ChatChunk chunk) {
            if (first) {
                first = false;
                observation.firstChunk();
            }
            responseModel = chunk.model() != null ? chunk.model() : responseModel;
            usage = chunk.usage() != null ? chunk.usage() : usage;
            for (ChunkChoice choice : chunk.choices()) {
                if (choice.finishReason() != null) {
                    finishReason = choice.finishReason();
                }
            }
        } else if (element instanceof ChatResponse response) {
            responseModel = response.model();
            usage = response.usage();
            finishReason = response.choices().isEmpty() ? null : response.choices().get(0).finishReason();
        } else if (element instanceof EmbeddingResponse embeddings) {
            responseModel = embeddings.model();
            usage = embeddings.usage();
        } else if (element instanceof ObjectNode completion) {
            // Legacy completions pass through as raw JSON; their usage sits in the same place as in chat.
            responseModel = completion.path("model").asString(responseModel);
            JsonNode counts = completion.get("usage");
            if (counts != null && counts.isObject()) {
                usage = Usage.of(counts.path("prompt_tokens").asInt(0), counts.path("completion_tokens").asInt(0), 0);
            }
        }
    }

    void succeeded() {
        if (observation != null) {
            Usage reported = usage;
            observation.succeeded(responseModel, tokens(reported == null ? null : reported.promptTokens()),
                    tokens(reported == null ? null : reported.completionTokens()),
                    reported == null ? 0 : reported.cachedTokens(), finishReason);
        }
    }

    void failed(String errorType) {
        if (observation != null) {
            observation.failed(errorType);
        }
    }

    private static long tokens(Integer count) {
        return count == null ? 0 : count;
    }
}
