package ai.switchboard.gateway.cache;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ContentPart;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.SemanticCacheConfig;
import ai.switchboard.routing.Target;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a chat request is looked up by in the semantic cache: the text to embed (its last user message, after the
 * earlier messages the policy embeds with it) and its partition. A request matches only entries of its own
 * partition: the same API, scope (team), target and revision, embeddings model and context, and the same everything
 * else that shapes an answer (tools, tool_choice, response_format, sampling settings, the system prompt), compared
 * exactly. Only the conversation's wording is compared by meaning.
 *
 * @param partition the SHA-256 of the exact parts, hex
 * @param text the text to embed
 */
record SemanticQuery(String partition, String text) {

    /**
     * The query of a request the semantic cache may answer, or {@code null}: never one that carries tool calls or
     * tool results (an agent's loop must see each result), never one with more messages than the policy embeds, never
     * one with images or other non-text parts (their meaning is not in the text), and only one that ends with a user's
     * text.
     */
    static SemanticQuery of(Api api, ApiKeyRecord caller, boolean shared, Target target, SemanticCacheConfig config,
            Object request) {
        if (api != Api.CHAT || !(request instanceof ChatRequest chat) || chat.messages() == null) {
            return null;
        }
        List<ChatMessage> turns = chat.messages().stream()
                .filter(message -> !"system".equals(message.role()) && !"developer".equals(message.role()))
                .toList();
        if (turns.isEmpty() || turns.size() > config.contextTurns() + 1) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ChatMessage turn : turns) {
            if (!"user".equals(turn.role()) && !"assistant".equals(turn.role())
                    || turn.toolCalls() != null && !turn.toolCalls().isEmpty()
                    || turn.parts().stream().anyMatch(part -> !ContentPart.TEXT.equals(part.type()))) {
                return null;
            }
            text.append(turns.size() == 1 ? "" : turn.role() + ": ").append(turn.text()).append('\n');
        }
        if (!"user".equals(turns.getLast().role())) {
            return null;
        }
        ObjectNode exact = WireJson.mapper().valueToTree(chat);
        exact.remove("messages");
        ArrayNode system = exact.putArray("system");
        chat.messages().stream().filter(message -> !turns.contains(message))
                .forEach(message -> system.add(WireJson.mapper().valueToTree(message)));
        String partition = CacheKeys.of(api, caller, shared, target,
                exact.put("semantic_model", config.embeddingModel()).put("context_turns", config.contextTurns()));
        return new SemanticQuery(partition, text.toString().strip());
    }
}
