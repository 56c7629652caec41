package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code toolChoice}, a union: {@code {"auto":{}}}, {@code {"any":{}}} or {@code {"tool":{"name"}}}. Converse has
 * no way to forbid tool use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolChoice(Map<String, Object> auto, Map<String, Object> any, SpecificToolChoice tool) {

    public static ToolChoice ofAuto() {
        return new ToolChoice(Map.of(), null, null);
    }

    public static ToolChoice ofAny() {
        return new ToolChoice(null, Map.of(), null);
    }

    public static ToolChoice ofTool(String name) {
        return new ToolChoice(null, null, new SpecificToolChoice(name));
    }
}
