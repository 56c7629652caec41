package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.responses.wire.ReasoningOptions;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response object before any output: the request's settings echoed as OpenAI echoes them, with its defaults
 * where the client set nothing ({@code temperature} and {@code top_p} 1, {@code tool_choice} {@code auto},
 * {@code text.format} {@code text}, {@code truncation} {@code disabled}, empty {@code metadata}).
 */
public final class ResponseSkeleton {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode TEXT_FORMAT = NODES.objectNode().set("format", NODES.objectNode().put("type", "text"));

    private ResponseSkeleton() {
    }

    /**
     * The tools as sent, with the members OpenAI's echo always has filled in where the client left them out: a
     * function's {@code parameters} ({@code null}) and {@code strict} (true, the Responses default), a namespace's
     * {@code description} (empty). The SDKs refuse a response whose tools lack them.
     */
    static JsonNode echo(JsonNode tools) {
        if (tools == null || tools.isNull()) {
            return NODES.arrayNode();
        }
        ArrayNode echoed = NODES.arrayNode(tools.size());
        for (JsonNode tool : tools) {
            ObjectNode copy = ((ObjectNode) tool).deepCopy();
            String type = copy.path("type").asString();
            if (ResponsesTools.FUNCTION.equals(type)) {
                if (!copy.has("parameters")) {
                    copy.putNull("parameters");
                }
                if (!copy.has("strict") || copy.get("strict").isNull()) {
                    copy.put("strict", true);
                }
            } else if (ResponsesTools.NAMESPACE.equals(type) && !copy.hasNonNull("description")) {
                copy.put("description", "");
            }
            echoed.add(copy);
        }
        return echoed;
    }

    /**
     * The {@code in_progress} response for {@code request} as the client sent it (with its
     * {@code previous_response_id}).
     */
    public static ResponseObject of(ResponsesRequest request, String id, long createdAt) {
        JsonNode truncation = request.extra().get("truncation");
        return new ResponseObject(id, ResponseObject.OBJECT, createdAt, ResponseObject.IN_PROGRESS, null, null,
                request.instructions(), request.maxOutputTokens(), request.model(), List.of(),
                !Boolean.FALSE.equals(request.parallelToolCalls()), request.previousResponseId(),
                request.reasoning() == null ? new ReasoningOptions(null, null, null) : request.reasoning(),
                request.stores(), request.temperature() == null ? 1.0 : request.temperature(),
                request.text() == null || request.text().isNull() ? TEXT_FORMAT : request.text(),
                request.toolChoice() == null || request.toolChoice().isNull() ? NODES.stringNode("auto")
                        : request.toolChoice(),
                echo(request.tools()),
                request.topP() == null ? 1.0 : request.topP(),
                truncation == null || !truncation.isString() ? "disabled" : truncation.asString(), null,
                request.user(), request.metadata() == null || request.metadata().isNull() ? NODES.objectNode()
                        : request.metadata(),
                request.promptCacheKey());
    }
}
