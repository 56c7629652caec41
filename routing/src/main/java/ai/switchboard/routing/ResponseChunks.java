package ai.switchboard.routing;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ChunkChoice;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Replays a complete answer as a chat stream: per choice one chunk with the whole message and one with its finish
 * reason, then the usage chunk. Used when a policy had to see the whole answer before accepting it (cascade,
 * ensemble) and the client asked for a stream.
 */
public final class ResponseChunks {

    private ResponseChunks() {
    }

    public static Flux<ChatChunk> of(ChatResponse response) {
        long created = response.created() == null ? System.currentTimeMillis() / 1000 : response.created();
        List<ChatChunk> chunks = new ArrayList<>(response.choices().size() * 2 + 1);
        for (ChatChoice choice : response.choices()) {
            var message = choice.message();
            ChatDelta delta = message == null ? ChatDelta.empty()
                    : new ChatDelta(message.role(), message.text(), message.toolCalls(), message.refusal(), null);
            chunks.add(chunk(response, created, new ChunkChoice(choice.index(), delta, choice.logprobs(), null,
                    null)));
            chunks.add(chunk(response, created, new ChunkChoice(choice.index(), ChatDelta.empty(), null,
                    choice.finishReason(), null)));
        }
        if (response.usage() != null) {
            chunks.add(ChatChunk.usageChunk(response.id(), created, response.model(), response.usage()));
        }
        return Flux.fromIterable(chunks);
    }

    private static ChatChunk chunk(ChatResponse response, long created, ChunkChoice choice) {
        return new ChatChunk(response.id(), ChatChunk.OBJECT, created, response.model(), List.of(choice), null,
                response.systemFingerprint(), null);
    }
}
