package ai.switchboard.providers.reasoning;

import ai.switchboard.providers.api.ChatRequest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claude's reasoning control for a {@code reasoning_effort}, on Anthropic's API and on Bedrock.
 *
 * <ul>
 *   <li>Claude 4.6 and later think adaptively: {@code thinking: {"type":"adaptive"}} with
 *       {@code output_config.effort} ({@code low}, {@code medium}, {@code high}, {@code max}); 4.7 and later refuse
 *       a token budget. Claude 3.7 to 4.5 only take {@code {"type":"enabled","budget_tokens":N}}, at least 1,024
 *       and below {@code max_tokens}. Older models cannot think: the effort is ignored. A model id the gateway cannot
 *       date is taken for a current model (adaptive); the provider setting {@value #MODE_SETTING} ({@code adaptive}
 *       or {@code budget}) overrides the guess.</li>
 *   <li>Thinking is left off when the request forces a tool ({@code tool_choice} {@code required} or named: Claude
 *       refuses both with thinking), when the conversation is inside a tool loop ({@link ToolLoop}), and for
 *       {@code none}.</li>
 *   <li>With thinking on, Claude refuses {@code temperature} and {@code top_k}, and {@code top_p} below 0.95: they
 *       are dropped ({@link #topP} keeps an allowed {@code top_p}).</li>
 *   <li>A budget must fit under the output cap: without a client cap, the cap becomes the default plus the
 *       budget; with one, the budget is at most half of it, and below 1,024 thinking stays off.</li>
 * </ul>
 */
public final class ClaudeThinking {

    /** Provider setting naming the thinking mode: {@code adaptive} or {@code budget}. */
    public static final String MODE_SETTING = "thinking_mode";

    private static final int MIN_BUDGET = 1_024;
    private static final Pattern VERSION = Pattern.compile("claude-(?:[a-z]+-)?(\\d+)(?:[-.](\\d{1,2}))?(?!\\d)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What to send.
     *
     * @param thinking the {@code thinking} object
     * @param effort {@code output_config.effort} for adaptive thinking, else {@code null}
     * @param maxTokens the output cap to send
     */
    public record Plan(ObjectNode thinking, String effort, int maxTokens) {
    }

    private ClaudeThinking() {
    }

    /**
     * The thinking to send for {@code request}, or {@code null} for none.
     *
     * @param model the Claude model id (Anthropic's, or Bedrock's with its {@code anthropic.} prefix)
     * @param clientMaxTokens the client's output cap, or {@code null}
     * @param defaultMaxTokens the cap sent when the client gives none
     * @param modeSetting the provider's {@value #MODE_SETTING}, or {@code null}
     */
    public static Plan plan(ChatRequest request, String model, Integer clientMaxTokens, int defaultMaxTokens,
            String modeSetting) {
        ReasoningEffort effort = ReasoningEffort.of(request);
        if (effort == null || effort.isNone() || forcesTool(request) || ToolLoop.inProgress(request.messages())) {
            return null;
        }
        Mode mode = mode(model, modeSetting);
        int cap = clientMaxTokens != null ? clientMaxTokens : defaultMaxTokens;
        return switch (mode) {
            case NONE -> null;
            case ADAPTIVE -> new Plan(NODES.objectNode().put("type", "adaptive"), adaptiveEffort(effort), cap);
            case BUDGET -> {
                int budget = clientMaxTokens == null ? effort.budgetTokens()
                        : Math.min(effort.budgetTokens(), clientMaxTokens / 2);
                if (budget < MIN_BUDGET) {
                    yield null;
                }
                int maxTokens = clientMaxTokens == null ? defaultMaxTokens + budget : clientMaxTokens;
                yield new Plan(NODES.objectNode().put("type", "enabled").put("budget_tokens", budget), null,
                        maxTokens);
            }
        };
    }

    /** {@code top_p} as Claude takes it with thinking on: only 0.95 and above. */
    public static Double topP(Double topP) {
        return topP == null || topP < 0.95 ? null : topP;
    }

    private static String adaptiveEffort(ReasoningEffort effort) {
        return switch (effort) {
            case MINIMAL, LOW -> "low";
            case MEDIUM -> "medium";
            case HIGH, XHIGH -> "high";
            case MAX -> "max";
            case NONE -> null;
        };
    }

    private static boolean forcesTool(ChatRequest request) {
        if (request.toolChoice() == null || request.toolChoice().isNull()) {
            return false;
        }
        return request.toolChoice().isObject() || "required".equals(request.toolChoice().asString(""));
    }

    enum Mode { NONE, BUDGET, ADAPTIVE }

    static Mode mode(String model, String setting) {
        if (setting != null && !setting.isBlank()) {
            return "budget".equalsIgnoreCase(setting.strip()) ? Mode.BUDGET : Mode.ADAPTIVE;
        }
        Matcher version = VERSION.matcher(model == null ? "" : model.toLowerCase(Locale.ROOT));
        if (!version.find()) {
            return Mode.ADAPTIVE;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = version.group(2) == null ? 0 : Integer.parseInt(version.group(2));
        if (major < 3 || (major == 3 && minor < 7)) {
            return Mode.NONE;
        }
        return major > 4 || (major == 4 && minor >= 6) ? Mode.ADAPTIVE : Mode.BUDGET;
    }
}
