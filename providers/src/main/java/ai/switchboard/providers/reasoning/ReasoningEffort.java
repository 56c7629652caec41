package ai.switchboard.providers.reasoning;

import ai.switchboard.providers.api.ChatRequest;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The canonical request's {@code reasoning_effort} (OpenAI's values), which each adapter maps to its provider's own
 * reasoning control. A value the gateway does not know maps to nothing: the provider's default applies.
 */
public enum ReasoningEffort {
    NONE(0),
    MINIMAL(1_024),
    LOW(2_048),
    MEDIUM(8_192),
    HIGH(16_384),
    XHIGH(24_576),
    MAX(32_768);

    /** The canonical request field. */
    public static final String FIELD = "reasoning_effort";

    private final int budgetTokens;

    ReasoningEffort(int budgetTokens) {
        this.budgetTokens = budgetTokens;
    }

    /** The effort a request asks for, or {@code null} when it asks for none the gateway knows. */
    public static ReasoningEffort of(ChatRequest request) {
        JsonNode value = request.extra().get(FIELD);
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return valueOf(value.asString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * The thinking tokens this effort stands for where a provider counts in tokens (Anthropic's and Bedrock's
     * {@code budget_tokens}, Gemini 2.5's {@code thinkingBudget}, Cohere's {@code token_budget}); {@code minimal} is
     * Anthropic's smallest budget.
     */
    public int budgetTokens() {
        return budgetTokens;
    }

    /** Whether the client asked for no reasoning at all. */
    public boolean isNone() {
        return this == NONE;
    }
}
