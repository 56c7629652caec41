package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The tools the model may call and how it must choose among them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolConfig(List<Tool> tools, ToolChoice toolChoice) {
}
