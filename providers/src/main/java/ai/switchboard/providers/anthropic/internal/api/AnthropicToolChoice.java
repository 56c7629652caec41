package ai.switchboard.providers.anthropic.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code tool_choice}: {@code auto}, {@code any}, {@code none} or {@code tool} with a {@code name}.
 * {@code disable_parallel_tool_use} belongs on the kinds that allow tool use ({@code auto}, {@code any},
 * {@code tool}), never on {@code none}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnthropicToolChoice(String type, String name, Boolean disableParallelToolUse) {
}
