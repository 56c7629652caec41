package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.PromptConfig;
import ai.switchboard.routing.Capabilities;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What a policy may look at: the request, who sent it, its tags and metadata, and helpers to resolve target names
 * and call targets. Derived facts (token estimate, last user message) are computed once, on first use.
 */
public final class RoutingRequest {

    private final ChatRequest chat;
    private final String keyName;
    private final Set<String> tags;
    private final RoutingTrace trace;
    private final TargetInvoker invoker;
    private final EmbeddingInvoker embedder;
    private final Function<String, Deployment> deployments;
    private final Function<String, PromptConfig> prompts;
    private int promptTokens = -1;
    private String lastUserText;
    private Map<String, String> metadata;

    /**
     * @param keyName the calling key's name (never its secret)
     * @param tags from the {@code x-switchboard-tags} header
     * @param deployments resolves a model name to its deployment, {@code null} for routes and unknown names
     */
    public RoutingRequest(ChatRequest chat, String keyName, Set<String> tags, RoutingTrace trace,
            TargetInvoker invoker, Function<String, Deployment> deployments) {
        this(chat, keyName, tags, trace, invoker, null, deployments);
    }

    /** As above, with an invoker for embeddings models (classifiers that compare meanings need one). */
    public RoutingRequest(ChatRequest chat, String keyName, Set<String> tags, RoutingTrace trace,
            TargetInvoker invoker, EmbeddingInvoker embedder, Function<String, Deployment> deployments) {
        this(chat, keyName, tags, trace, invoker, embedder, deployments, null);
    }

    /** As above, with the prompt templates of the snapshot the request is served from (pipelines render them). */
    public RoutingRequest(ChatRequest chat, String keyName, Set<String> tags, RoutingTrace trace,
            TargetInvoker invoker, EmbeddingInvoker embedder, Function<String, Deployment> deployments,
            Function<String, PromptConfig> prompts) {
        this.prompts = prompts;
        this.chat = Objects.requireNonNull(chat, "chat");
        this.keyName = keyName;
        this.tags = tags == null ? Set.of() : Set.copyOf(tags);
        this.trace = Objects.requireNonNull(trace, "trace");
        this.invoker = invoker;
        this.embedder = embedder;
        this.deployments = deployments;
    }

    public ChatRequest chat() {
        return chat;
    }

    public String keyName() {
        return keyName;
    }

    public Set<String> tags() {
        return tags;
    }

    public RoutingTrace trace() {
        return trace;
    }

    public TargetInvoker invoker() {
        return invoker;
    }

    /** Embeds text through a target, or {@code null} when the caller offers no embeddings. */
    public EmbeddingInvoker embedder() {
        return embedder;
    }

    /** The deployment of a model name, or {@code null} for a route or an unknown or disabled model. */
    public Deployment deployment(String name) {
        return deployments == null ? null : deployments.apply(name);
    }

    /** The prompt template with this name, or {@code null}. */
    public PromptConfig prompt(String name) {
        return prompts == null ? null : prompts.apply(name);
    }

    /** The OpenAI {@code metadata} object's string values; empty when absent. */
    public synchronized Map<String, String> metadata() {
        if (metadata == null) {
            JsonNode node = chat.extra().get("metadata");
            Map<String, String> values = new LinkedHashMap<>();
            if (node != null && node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    if (entry.getValue().isValueNode()) {
                        values.put(entry.getKey(), entry.getValue().asString());
                    }
                }
            }
            metadata = Collections.unmodifiableMap(values);
        }
        return metadata;
    }

    /** The estimated prompt tokens ({@link PromptTokens}). */
    public synchronized int promptTokens() {
        if (promptTokens < 0) {
            promptTokens = PromptTokens.estimate(chat);
        }
        return promptTokens;
    }

    /** The text of the last user message, or an empty string. */
    public synchronized String lastUserText() {
        if (lastUserText == null) {
            lastUserText = "";
            List<ChatMessage> messages = chat.messages();
            for (int i = messages == null ? -1 : messages.size() - 1; i >= 0; i--) {
                if ("user".equals(messages.get(i).role())) {
                    lastUserText = messages.get(i).text();
                    break;
                }
            }
        }
        return lastUserText;
    }

    public boolean hasTools() {
        return chat.tools() != null && !chat.tools().isEmpty();
    }

    public boolean hasImages() {
        return Capabilities.hasImages(chat);
    }

    /** The requested {@code response_format.type}, or {@code null}. */
    public String responseFormat() {
        return chat.responseFormat() == null ? null : chat.responseFormat().type();
    }
}
