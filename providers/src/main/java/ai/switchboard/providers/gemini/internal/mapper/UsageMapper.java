package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.gemini.internal.api.UsageMetadata;

/**
 * {@code usageMetadata} with OpenAI's semantics. Tool-use prompt tokens are input the model read, so they count as
 * prompt; thoughts are output the model generated (and is billed for), so they count as completion and are reported
 * as its reasoning subset. Cached tokens are already inside {@code promptTokenCount}.
 */
final class UsageMapper {

    private UsageMapper() {
    }

    static Usage toOpenAi(UsageMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        int prompt = count(metadata.promptTokenCount()) + count(metadata.toolUsePromptTokenCount());
        int thoughts = count(metadata.thoughtsTokenCount());
        int completion = count(metadata.candidatesTokenCount()) + thoughts;
        int cached = Math.min(count(metadata.cachedContentTokenCount()), prompt);
        return new Usage(prompt, completion, prompt + completion, new Usage.PromptTokensDetails(cached, null),
                new Usage.CompletionTokensDetails(thoughts, null, null, null), null);
    }

    private static int count(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }
}
