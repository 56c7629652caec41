package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatRequest;

/** The same request asking for a complete answer, for calls whose answer is inspected before anything is sent. */
public final class NonStreaming {

    private NonStreaming() {
    }

    public static ChatRequest of(ChatRequest r) {
        if (!r.isStream() && r.streamOptions() == null) {
            return r;
        }
        return new ChatRequest(r.model(), r.messages(), null, null, r.tools(), r.toolChoice(), r.parallelToolCalls(),
                r.responseFormat(), r.n(), r.stop(), r.seed(), r.logprobs(), r.topLogprobs(), r.maxTokens(),
                r.maxCompletionTokens(), r.temperature(), r.topP(), r.presencePenalty(), r.frequencyPenalty(),
                r.user(), r.extra());
    }
}
