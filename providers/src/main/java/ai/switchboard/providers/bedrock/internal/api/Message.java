package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One turn: {@code user} or {@code assistant}, with its content blocks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(String role, List<ContentBlock> content) {
}
