package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.Usage;
import ai.switchboard.providers.cohere.internal.api.CohereTokenCounts;
import ai.switchboard.providers.cohere.internal.api.CohereUsage;

/**
 * Cohere usage as OpenAI usage. Prompt and completion counts come from {@code billed_units}, what the customer is
 * charged and therefore what budgets and cost metrics must see; {@code tokens} (which also counts Cohere's own
 * prompt template) is the fallback when an answer has no billed units. Both counts come from the same source.
 * {@code cached_tokens} is capped at the prompt count to keep OpenAI's rule that it is a subset of the prompt.
 */
final class CohereUsageMapper {

    private CohereUsageMapper() {
    }

    static Usage toOpenAi(CohereUsage usage) {
        if (usage == null) {
            return null;
        }
        CohereTokenCounts counts = hasCounts(usage.billedUnits()) ? usage.billedUnits() : usage.tokens();
        if (!hasCounts(counts)) {
            return null;
        }
        int prompt = round(counts.inputTokens());
        int completion = round(counts.outputTokens());
        return Usage.of(prompt, completion, Math.min(round(usage.cachedTokens()), prompt));
    }

    private static boolean hasCounts(CohereTokenCounts counts) {
        return counts != null && (counts.inputTokens() != null || counts.outputTokens() != null);
    }

    private static int round(Double count) {
        return count == null ? 0 : (int) Math.max(0, Math.round(count));
    }
}
