package ai.switchboard.routing.testsupport;

import ai.switchboard.providers.api.ChatChoice;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatDelta;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ChunkChoice;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.api.Usage;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.routing.Deployment;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.StringNode;

/** Deployments, requests and answers for routing unit tests. */
public final class TestDeployments {

    private TestDeployments() {
    }

    /** Model {@code name} (upstream id {@code up-name}) on provider {@code p-name} with the scripted adapter. */
    public static Deployment deployment(String name) {
        return deployment(name, null, null);
    }

    public static Deployment deployment(String name, Integer contextWindow, BigDecimal inputPrice,
            Capability... capabilities) {
        return new Deployment(model(name, contextWindow, inputPrice, capabilities), provider("p-" + name),
                new ProviderEndpoint("p-" + name, "scripted", URI.create("http://upstream.test/v1"), "secret",
                        Map.of(), null, null, Map.of(), 1));
    }

    public static ModelConfig model(String name, Integer contextWindow, BigDecimal inputPrice,
            Capability... capabilities) {
        return new ModelConfig(UUID.nameUUIDFromBytes(name.getBytes()), name, "p-" + name, "up-" + name, null,
                capabilities.length == 0 ? Set.of(Capability.CHAT, Capability.STREAMING) : Set.of(capabilities),
                contextWindow, null, inputPrice, inputPrice, Set.of(), true, 0);
    }

    public static ProviderConfig provider(String name) {
        return new ProviderConfig(UUID.nameUUIDFromBytes(name.getBytes()), name, "scripted", "http://upstream.test/v1",
                "secret", Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5), Map.of(), true, 1);
    }

    public static ChatRequest request(String model, String userText) {
        ChatMessage message = new ChatMessage("user", StringNode.valueOf(userText), null, null, null, null, null);
        return new ChatRequest(model, List.of(message), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    public static ChatResponse answer(String text) {
        return answer(text, "stop");
    }

    public static ChatResponse answer(String text, String finishReason) {
        ChatMessage message = new ChatMessage("assistant", StringNode.valueOf(text), null, null, null, null, null);
        return new ChatResponse("id-" + text.hashCode(), ChatResponse.OBJECT, 1L, "m",
                List.of(new ChatChoice(0, message, null, finishReason, null)), Usage.of(10, 5, 0), null, null);
    }

    public static ChatChunk chunk(String text) {
        return new ChatChunk("c", ChatChunk.OBJECT, 1L, "m",
                List.of(new ChunkChoice(0, new ChatDelta(null, text, null, null, null), null, null, null)), null,
                null, null);
    }

    public static ProviderException failure(ErrorType type, int status) {
        return new ProviderException(type, type.defaultStatus(), "upstream said " + status, null, null, null, status);
    }

    public static ProviderException rateLimited(Duration retryAfter) {
        return new ProviderException(ErrorType.RATE_LIMITED, 429, "slow down", null, null, retryAfter, 429);
    }
}
