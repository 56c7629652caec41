package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.bedrock.internal.api.ConverseRequest;
import java.util.Objects;

/**
 * A translated request and what the answer's translation needs to know about it.
 *
 * @param request the Converse body
 * @param toolNames the tool-name rewrites, to restore the client's names in the answer
 * @param jsonTool the (sanitized) name of the tool that emulates {@code response_format} json_schema or json_object,
 *     whose input is the answer's content; {@code null} when the request asked for no JSON format
 */
public record ConversePlan(ConverseRequest request, ToolNames toolNames, String jsonTool) {

    public ConversePlan {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(toolNames, "toolNames");
    }

    /** Whether a tool-use block of this (sanitized) name is really the JSON answer. */
    public boolean isJsonTool(String name) {
        return jsonTool != null && jsonTool.equals(name);
    }
}
