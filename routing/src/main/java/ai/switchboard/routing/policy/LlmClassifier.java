package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.StringNode;

/**
 * {@code llm}: asks a small model to answer exactly one label from a closed list (the specialists' labels and
 * {@value #NONE}), at temperature 0 with a few output tokens. The reply is read leniently (case, quotes, trailing
 * punctuation, a label named once inside a sentence), but anything that is not exactly one known label, or a failed
 * call, leaves the request to the generalist.
 */
final class LlmClassifier implements SpecialistClassifier {

    static final String KIND = "llm";

    /** The label meaning "no specialist fits"; reserved, so no specialist may use it. */
    static final String NONE = "none";

    private final String model;
    private final int maxTokens;
    private final String instructions;
    private final List<String> labels;

    LlmClassifier(List<Specialist> specialists, String model, int maxTokens) {
        this.model = model;
        this.maxTokens = maxTokens;
        this.labels = specialists.stream().map(Specialist::label).toList();
        this.instructions = instructions(specialists);
    }

    @Override
    public Mono<Classification> classify(RoutingRequest request) {
        ChatRequest ask = new ChatRequest(null, List.of(message("system", instructions),
                message("user", request.lastUserText())), null, null, null, null, null, null, null, null, null, null,
                null, maxTokens, null, 0.0, null, null, null, null, null);
        return request.invoker().call(model, ask)
                .map(answer -> {
                    request.trace().extraUsage(answer.deployment(), answer.response().usage());
                    String label = parse(answer.text(), labels);
                    return label == null
                            ? Classification.none("answer not one of " + labels)
                            : Classification.chose(label, "answered '" + label + "'");
                })
                .onErrorResume(failure -> Mono.just(Classification.none(failure instanceof RoutingFailedException f
                        ? "classifier failed (" + f.decisive().type().tag() + ")"
                        : "classifier failed")));
    }

    /** The one label a reply names, or {@code null} ({@value #NONE}, unknown, several or no labels). */
    static String parse(String reply, List<String> labels) {
        if (reply == null) {
            return null;
        }
        String lower = reply.strip().toLowerCase(Locale.ROOT);
        String bare = lower.replaceAll("^(label\\s*:\\s*)", "").replaceAll("^[\"'`*\\s]+|[\"'`*.!,;:\\s]+$", "");
        if (labels.contains(bare)) {
            return bare;
        }
        if (NONE.equals(bare)) {
            return null;
        }
        List<String> named = new ArrayList<>(1);
        for (String label : labels) {
            if (Pattern.compile("(?<![a-z0-9_-])" + Pattern.quote(label) + "(?![a-z0-9_-])").matcher(lower).find()) {
                named.add(label);
            }
        }
        return named.size() == 1 ? named.get(0) : null;
    }

    private static String instructions(List<Specialist> specialists) {
        StringBuilder text = new StringBuilder("Classify the user's message. Answer with exactly one label from "
                + "this list and nothing else:\n");
        for (Specialist specialist : specialists) {
            text.append("- ").append(specialist.label());
            if (specialist.description() != null) {
                text.append(": ").append(specialist.description());
            }
            text.append('\n');
        }
        return text.append("- ").append(NONE).append(": none of the above\n").toString();
    }

    private static ChatMessage message(String role, String text) {
        return new ChatMessage(role, StringNode.valueOf(text), null, null, null, null, null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<String> targets() {
        return model == null ? Set.of() : Set.of(model);
    }
}
