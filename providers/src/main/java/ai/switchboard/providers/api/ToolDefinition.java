package ai.switchboard.providers.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A tool the model may call. {@code function} is kept as raw JSON so that schema keywords the gateway does not
 * interpret ({@code $schema}, {@code additionalProperties}, {@code strict}) reach the upstream untouched.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolDefinition(String type, JsonNode function, @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

    public ToolDefinition {
        extra = extra == null ? Map.of() : extra;
    }

    @JsonAnyGetter
    public Map<String, JsonNode> extraFields() {
        return extra;
    }

    /** The function's name. */
    public String name() {
        return function == null ? null : function.path("name").asString(null);
    }

    /** The function's description, or {@code null}. */
    public String description() {
        return function == null ? null : function.path("description").asString(null);
    }

    /** The JSON Schema of the function's parameters, or {@code null}. */
    public JsonNode parameters() {
        return function == null ? null : function.get("parameters");
    }
}
