package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ResponseFormat;
import ai.switchboard.providers.api.StreamOptions;
import ai.switchboard.providers.api.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Translates a validated Responses request to the canonical chat request, for providers without the Responses API.
 *
 * <p>What maps: {@code instructions} and {@code input} ({@link ResponsesInput}), function and namespace tools
 * ({@link ResponsesTools}), {@code tool_choice}, {@code parallel_tool_calls}, {@code text.format} (to
 * {@code response_format}), {@code text.verbosity}, {@code reasoning.effort} (to {@code reasoning_effort}, which each
 * adapter maps to its provider's reasoning control), {@code max_output_tokens} (to {@code max_completion_tokens}),
 * {@code temperature}, {@code top_p}, {@code top_logprobs}, {@code user}, {@code prompt_cache_key},
 * {@code safety_identifier}, {@code service_tier}, {@code stream} (always with usage, for accounting).
 *
 * <p>What the gateway handles itself and never forwards: {@code store}, {@code metadata},
 * {@code previous_response_id} (resolved into {@code input} before this runs). What is lost and reported in
 * {@link CanonicalRequest#ignoredFields()}: {@code reasoning.summary}, {@code include}, reasoning items of the input,
 * a {@code tool_choice} naming a left-out tool (becomes {@code auto}), {@code truncation: auto},
 * {@code max_tool_calls} and unknown fields. What cannot be honoured at all is refused with a 400:
 * {@code background: true}, {@code conversation}, {@code prompt}, item types and content parts only a native upstream
 * understands.
 */
public final class ResponsesRequestTranslator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Fields passed on under the same name, since chat completions has them too. */
    private static final List<String> SAME_IN_CHAT = List.of("safety_identifier", "service_tier");
    /** Fields of the Responses API the gateway acts on itself (store, streaming) that need no upstream field. */
    private static final Set<String> HANDLED_HERE = Set.of("stream_options");

    private ResponsesRequestTranslator() {
    }

    /**
     * The canonical request.
     *
     * @param request the validated request, its {@code previous_response_id} already resolved
     * @param items its {@code input} (with the stored conversation before it, when continued) as items
     */
    public static CanonicalRequest translate(ResponsesRequest request, List<ResponseItem> items) {
        refuseUnsupported(request);
        Set<String> dropped = new LinkedHashSet<>();
        Set<String> ignored = new LinkedHashSet<>();
        ToolNames names = new ToolNames();
        List<ToolDefinition> tools = ResponsesTools.translate(request.tools(), names, dropped);
        List<ChatMessage> messages = ResponsesInput.translate(request.instructions(), items, ignored);
        JsonNode toolChoice = ResponsesToolChoice.translate(request.toolChoice(), names, tools != null, ignored);
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        reasoning(request, extra, ignored);
        JsonNode verbosity = request.text() == null ? null : request.text().get("verbosity");
        if (verbosity != null && !verbosity.isNull()) {
            extra.put("verbosity", verbosity);
        }
        if (request.promptCacheKey() != null) {
            extra.put("prompt_cache_key", NODES.stringNode(request.promptCacheKey()));
        }
        Integer topLogprobs = null;
        for (Map.Entry<String, JsonNode> field : request.extra().entrySet()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value == null || value.isNull() || HANDLED_HERE.contains(name)) {
                continue;
            }
            if (SAME_IN_CHAT.contains(name)) {
                extra.put(name, value);
            } else if ("top_logprobs".equals(name)) {
                topLogprobs = value.asInt();
            } else if (!("truncation".equals(name) && "disabled".equals(value.asString(null)))
                    && !("background".equals(name) && value.isBoolean())) {
                ignored.add(name);
            }
        }
        if (request.include() != null && !request.include().isEmpty()) {
            ignored.add("include");
        }
        ChatRequest chat = new ChatRequest(request.model(), messages, request.isStream() ? Boolean.TRUE : null,
                request.isStream() ? new StreamOptions(Boolean.TRUE, null) : null, tools, toolChoice,
                request.parallelToolCalls(), ResponsesTextFormat.translate(request.text()), null, null, null,
                topLogprobs != null && topLogprobs > 0 ? Boolean.TRUE : null,
                topLogprobs != null && topLogprobs > 0 ? topLogprobs : null, null, request.maxOutputTokens(),
                request.temperature(), request.topP(), null, null, request.user(), extra);
        return new CanonicalRequest(chat, names, List.copyOf(dropped), List.copyOf(ignored));
    }

    private static void reasoning(ResponsesRequest request, Map<String, JsonNode> extra, Set<String> ignored) {
        if (request.reasoning() == null) {
            return;
        }
        if (request.reasoning().effort() != null) {
            extra.put("reasoning_effort", NODES.stringNode(request.reasoning().effort()));
        }
        if (request.reasoning().summary() != null) {
            ignored.add("reasoning.summary");
        }
    }

    private static void refuseUnsupported(ResponsesRequest request) {
        JsonNode background = request.extra().get("background");
        if (background != null && background.asBoolean(false)) {
            throw ResponsesRefusals.unsupported("background", "a background response");
        }
        for (String field : List.of("conversation", "prompt")) {
            JsonNode value = request.extra().get(field);
            if (value != null && !value.isNull()) {
                throw ResponsesRefusals.unsupported(field, "'" + field + "'");
            }
        }
    }
}
