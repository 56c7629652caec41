package ai.switchboard.gateway.api.messages;

import static ai.switchboard.gateway.api.messages.MessagesJson.NODES;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.api.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a checked Messages request into the canonical (OpenAI chat) request, for providers that do not speak
 * the Messages API. The conversation is mapped by {@link MessagesConversation}; the other fields:
 * <ul>
 *   <li>{@code max_tokens} becomes {@code max_completion_tokens}; {@code stop_sequences} becomes {@code stop};
 *       {@code temperature}, {@code top_p} and {@code stream} keep their names;</li>
 *   <li>custom tools become function tools (their {@code input_schema} the parameters); Anthropic's own tools
 *       ({@code web_search}, {@code bash}, {@code text_editor}, ...) only Anthropic runs, so they are left out and
 *       named in {@link MessagesTranslation#droppedTools()}; a {@code tool_choice} that needs a tool left out is
 *       dropped with it;</li>
 *   <li>{@code tool_choice} {@code auto}, {@code any}, {@code tool} and {@code none} become {@code auto},
 *       {@code required}, a named function and {@code none}; {@code disable_parallel_tool_use} becomes
 *       {@code parallel_tool_calls: false};</li>
 *   <li>{@code thinking} and {@code output_config.effort} become {@code reasoning_effort} (see
 *       {@link #reasoningEffort});</li>
 *   <li>{@code output_config.format} (a JSON schema) becomes a strict {@code json_schema} response format;</li>
 *   <li>{@code metadata.user_id} becomes {@code user}, as sent when at most 64 characters, else its SHA-256 in hex:
 *       it identifies an end user to the provider, and Claude Code's ids are longer than some providers accept;</li>
 *   <li>{@code top_k}, {@code context_management}, {@code service_tier}, {@code thinking.display}, cache controls,
 *       {@code container}, {@code mcp_servers} and unknown fields have no equivalent and are dropped.</li>
 * </ul>
 */
public final class MessagesToChat {

    /** The output cap of a thinking budget below which effort is low, and of one below which it is medium. */
    static final int LOW_BUDGET_BELOW = 4_000;
    static final int MEDIUM_BUDGET_BELOW = 16_000;

    private static final int MAX_USER_LENGTH = 64;

    private MessagesToChat() {
    }

    /** The translation of a request that {@link MessagesRequestValidator} accepted. */
    public static MessagesTranslation translate(MessagesRequest request) {
        List<String> dropped = new ArrayList<>();
        List<ToolDefinition> tools = tools(request.tools(), dropped);
        JsonNode toolChoice = tools == null ? null : toolChoice(request.toolChoice(), tools);
        Boolean parallel = toolChoice != null && request.toolChoice().path("disable_parallel_tool_use")
                .asBoolean(false) ? Boolean.FALSE : null;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        String effort = reasoningEffort(request.thinking(), request.outputConfig());
        if (effort != null) {
            extra.put("reasoning_effort", NODES.stringNode(effort));
        }
        ChatRequest chat = new ChatRequest(request.model(),
                MessagesConversation.map(request.system(), request.messages()),
                request.isStream() ? Boolean.TRUE : null, null, tools, toolChoice, parallel,
                responseFormat(request.outputConfig()), null, stop(request.stopSequences()), null, null, null, null,
                request.maxTokens(), request.temperature(), request.topP(), null, null, user(request.metadata()),
                extra);
        return new MessagesTranslation(chat, dropped, ReplyOptions.of(request));
    }

    private static List<ToolDefinition> tools(JsonNode tools, List<String> dropped) {
        if (tools == null || tools.isNull() || tools.isEmpty()) {
            return null;
        }
        List<ToolDefinition> functions = new ArrayList<>(tools.size());
        for (JsonNode tool : tools) {
            if (!MessagesFieldRules.isCustom(tool)) {
                dropped.add(tool.get("name").asString());
                continue;
            }
            ObjectNode function = NODES.objectNode().put("name", tool.get("name").asString());
            if (tool.hasNonNull("description")) {
                function.set("description", tool.get("description"));
            }
            function.set("parameters", tool.get("input_schema"));
            if (tool.hasNonNull("strict")) {
                function.set("strict", tool.get("strict"));
            }
            functions.add(new ToolDefinition("function", function, null));
        }
        return functions.isEmpty() ? null : functions;
    }

    private static JsonNode toolChoice(JsonNode choice, List<ToolDefinition> tools) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        return switch (choice.get("type").asString()) {
            case "any" -> NODES.stringNode("required");
            case "none" -> NODES.stringNode("none");
            case "tool" -> {
                String name = choice.get("name").asString();
                if (tools.stream().noneMatch(tool -> name.equals(tool.name()))) {
                    yield null;
                }
                ObjectNode named = NODES.objectNode().put("type", "function");
                named.putObject("function").put("name", name);
                yield named;
            }
            default -> NODES.stringNode("auto");
        };
    }

    /**
     * OpenAI's {@code reasoning_effort} for Anthropic's thinking controls. An explicit {@code output_config.effort}
     * wins ({@code low}, {@code medium} and {@code high} as named, {@code xhigh} and {@code max} as {@code xhigh});
     * otherwise a thinking budget under {@value #LOW_BUDGET_BELOW} tokens is {@code low}, under
     * {@value #MEDIUM_BUDGET_BELOW} {@code medium}, else {@code high}. Adaptive thinking without an effort leaves the
     * provider's default, and disabled thinking asks for no reasoning effort at all: values such as {@code none}
     * are refused by many reasoning models.
     */
    static String reasoningEffort(JsonNode thinking, JsonNode outputConfig) {
        String type = thinking == null ? null : thinking.path("type").asString(null);
        if ("disabled".equals(type)) {
            return null;
        }
        String effort = outputConfig == null ? null : outputConfig.path("effort").asString(null);
        if (effort != null) {
            return switch (effort) {
                case "low", "medium", "high" -> effort;
                case "xhigh", "max" -> "xhigh";
                default -> null;
            };
        }
        if ("enabled".equals(type)) {
            int budget = thinking.get("budget_tokens").asInt();
            return budget < LOW_BUDGET_BELOW ? "low" : budget < MEDIUM_BUDGET_BELOW ? "medium" : "high";
        }
        return null;
    }

    private static ResponseFormat responseFormat(JsonNode outputConfig) {
        JsonNode format = outputConfig == null ? null : outputConfig.get("format");
        if (format == null || format.isNull()) {
            return null;
        }
        ObjectNode schema = NODES.objectNode().put("name", "output");
        schema.set("schema", format.get("schema"));
        schema.put("strict", true);
        return new ResponseFormat(ResponseFormat.JSON_SCHEMA, schema, null);
    }

    private static JsonNode stop(List<String> sequences) {
        if (sequences == null || sequences.isEmpty()) {
            return null;
        }
        ArrayNode stop = NODES.arrayNode(sequences.size());
        sequences.forEach(stop::add);
        return stop;
    }

    static String user(JsonNode metadata) {
        String id = metadata == null ? null : metadata.path("user_id").asString(null);
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (id.length() <= MAX_USER_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", impossible);
        }
    }
}
