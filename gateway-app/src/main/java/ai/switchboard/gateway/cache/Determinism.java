package ai.switchboard.gateway.cache;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.EmbeddingRequest;

/**
 * Whether a request asks for an answer that is the same every time: a chat at temperature 0 or with a seed (what
 * providers document as their most repeatable setting), and every embedding. Anything else is sampled, and caching it
 * would turn a distribution into one answer, which a policy must ask for.
 */
final class Determinism {

    private Determinism() {
    }

    static boolean of(Object request) {
        return switch (request) {
            case ChatRequest chat -> chat.seed() != null
                    || chat.temperature() != null && chat.temperature() == 0.0;
            case EmbeddingRequest ignored -> true;
            case CacheableRequest other -> other.deterministic();
            default -> false;
        };
    }
}
