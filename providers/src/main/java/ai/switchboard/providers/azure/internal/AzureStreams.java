package ai.switchboard.providers.azure.internal;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChunkChoice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure's content filter adds chunks an OpenAI client has no use for: a first chunk with {@code choices: []},
 * {@code prompt_filter_results} and an empty {@code id} and {@code model}, and, in asynchronous filter mode,
 * annotation chunks whose choices carry only {@code content_filter_results}. They are dropped, so clients see the
 * same well-formed stream OpenAI sends (one id throughout, role first); filter results on chunks that carry
 * something else stay as extra fields.
 */
public final class AzureStreams {

    private AzureStreams() {
    }

    /** Whether a chat chunk carries anything for the client: a delta, a finish reason, logprobs or usage. */
    public static boolean carriesSomething(ChatChunk chunk) {
        if (chunk.usage() != null) {
            return true;
        }
        for (ChunkChoice choice : chunk.choices()) {
            if (choice.finishReason() != null || (choice.logprobs() != null && !choice.logprobs().isNull())
                    || carriesSomething(choice.delta())) {
                return true;
            }
        }
        return false;
    }

    /** The same test for a legacy completion chunk, kept as JSON. */
    public static boolean carriesSomething(ObjectNode chunk) {
        JsonNode usage = chunk.get("usage");
        if (usage != null && !usage.isNull()) {
            return true;
        }
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode finishReason = choice.path("finish_reason");
            boolean finished = !finishReason.isNull() && !finishReason.isMissingNode();
            if (finished || !choice.path("text").asString("").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean carriesSomething(ChatDelta delta) {
        return delta != null && (delta.role() != null || (delta.content() != null && !delta.content().isEmpty())
                || (delta.toolCalls() != null && !delta.toolCalls().isEmpty()) || delta.refusal() != null
                || !delta.extra().isEmpty());
    }
}
