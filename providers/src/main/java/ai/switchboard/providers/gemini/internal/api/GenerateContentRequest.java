package ai.switchboard.providers.gemini.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code :generateContent} and {@code :streamGenerateContent}. Only these fields are ever sent: Gemini
 * answers 400 to any key it does not know, so nothing from the OpenAI request is forwarded wholesale.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateContentRequest(
        List<Content> contents,
        Content systemInstruction,
        List<Tool> tools,
        ToolConfig toolConfig,
        GenerationConfig generationConfig) {
}
