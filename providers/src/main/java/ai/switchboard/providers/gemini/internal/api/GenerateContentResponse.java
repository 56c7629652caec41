package ai.switchboard.providers.gemini.internal.api;

import java.util.List;

/** The answer of {@code :generateContent}, and each event of {@code :streamGenerateContent?alt=sse}. */
public record GenerateContentResponse(
        List<Candidate> candidates,
        PromptFeedback promptFeedback,
        UsageMetadata usageMetadata,
        String modelVersion,
        String responseId) {

    public GenerateContentResponse {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
