package ai.switchboard.registry.prompt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The render preview: which version was rendered, and its text or messages. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenderView(String prompt, int version, String text, List<RenderedPrompt.Message> messages) {
}
