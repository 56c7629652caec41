package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.reasoning.ReasoningEffort;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code reasoning_effort} as Gemini's {@code generationConfig.thinkingConfig}, by model generation: Gemini 3 and later
 * take a {@code thinkingLevel} ({@code low} or {@code high} on every model: {@code none}, {@code minimal} and
 * {@code low} are {@code low}, the rest {@code high}); Gemini 2.5 a {@code thinkingBudget} in tokens ({@code none} is
 * 0, except on 2.5 Pro, which cannot stop thinking and gets its minimum of 128; budgets are capped at 24,576, or
 * 32,768 on Pro). Older models do not think, so the effort is ignored there.
 */
final class GeminiThinking {

    private static final Pattern VERSION = Pattern.compile("gemini-(\\d+)(?:\\.(\\d+))?");
    private static final int PRO_MIN_BUDGET = 128;
    private static final int MAX_BUDGET = 24_576;
    private static final int PRO_MAX_BUDGET = 32_768;

    private GeminiThinking() {
    }

    static ObjectNode config(ChatRequest request) {
        ReasoningEffort effort = ReasoningEffort.of(request);
        String model = request.model() == null ? "" : request.model().toLowerCase(Locale.ROOT);
        Matcher version = VERSION.matcher(model);
        if (effort == null || !version.find()) {
            return null;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = version.group(2) == null ? 0 : Integer.parseInt(version.group(2));
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        if (major >= 3) {
            return config.put("thinkingLevel", switch (effort) {
                case NONE, MINIMAL, LOW -> "low";
                default -> "high";
            });
        }
        if (major == 2 && minor >= 5) {
            boolean pro = model.contains("-pro");
            int budget = effort.isNone() ? (pro ? PRO_MIN_BUDGET : 0)
                    : Math.min(effort.budgetTokens(), pro ? PRO_MAX_BUDGET : MAX_BUDGET);
            return config.put("thinkingBudget", budget);
        }
        return null;
    }
}
