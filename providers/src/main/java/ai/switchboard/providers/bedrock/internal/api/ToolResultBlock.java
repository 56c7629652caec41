package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The result of one tool call, sent in a user turn; {@code status} is {@code success} or {@code error}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResultBlock(String toolUseId, List<ToolResultContent> content, String status) {
}
