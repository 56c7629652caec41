package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code cascade}: steps from cheap to strong. Each step but the last answers in full and is checked
 * ({@link AcceptanceChecks}, then optionally a judge's 0-10 score); an accepted answer is returned, a rejected or
 * failed one escalates. The last step is not checked: it is planned as an ordinary target, so for streaming
 * requests it streams live, while earlier steps are always buffered (an answer cannot be judged before it is
 * complete) and an accepted earlier answer is replayed to the client as a stream.
 *
 * <p>Config: {@code {"steps": ["small", "large"], "refusal_patterns": ["I can't help"], "min_mean_logprob": -1.0,
 * "judge": {"target": "judge-model", "min_score": 7}}}.
 */
public final class CascadePolicy implements ConfiguredPolicy {

    public static final String NAME = "cascade";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("steps", "refusal_patterns", "min_mean_logprob", "judge");

    private final List<String> steps;
    private final AcceptanceChecks checks;
    private final String judge;
    private final double minScore;

    public CascadePolicy(List<String> steps, AcceptanceChecks checks, String judge, double minScore) {
        this.steps = List.copyOf(steps);
        this.checks = checks;
        this.judge = judge;
        this.minScore = minScore;
    }

    static CascadePolicy from(JsonNode config, ConfigReader reader) {
        List<String> steps = reader.names(config.get("steps"), "steps");
        if (steps.size() == 1) {
            reader.error("steps", "a cascade needs at least two steps");
        }
        List<Pattern> patterns = new ArrayList<>();
        JsonNode refusals = config.path("refusal_patterns");
        for (int i = 0; i < refusals.size(); i++) {
            Pattern pattern = reader.regex(refusals.get(i), "refusal_patterns[" + i + "]");
            if (pattern != null) {
                patterns.add(pattern);
            }
        }
        Double minLogprob = reader.number(config.get("min_mean_logprob"), "min_mean_logprob", -100, 0);
        JsonNode judge = config.path("judge");
        String judgeTarget = judge.isMissingNode() ? null : reader.name(judge.get("target"), "judge.target");
        Double minScore = judge.isMissingNode() ? null : reader.number(judge.get("min_score"), "judge.min_score", 0, 10);
        return new CascadePolicy(steps, new AcceptanceChecks(patterns, minLogprob), judgeTarget,
                minScore == null ? 7 : minScore);
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        return step(request, 0);
    }

    private Mono<RoutePlan> step(RoutingRequest request, int index) {
        if (index == steps.size() - 1) {
            request.trace().decide("cascade: escalated to last step '" + steps.get(index) + "'");
            return Mono.just(RoutePlan.targets(List.of(steps.get(index))));
        }
        String target = steps.get(index);
        ChatRequest buffered = NonStreaming.of(request.chat());
        return request.invoker().call(target, buffered)
                .flatMap(answer -> judged(request, answer).flatMap(rejection -> {
                    request.trace().extraUsage(answer.deployment(), answer.response().usage());
                    request.trace().decide("cascade: step '" + target + "' rejected (" + rejection + ")");
                    request.trace().cascadeEscalated(index + 1);
                    return step(request, index + 1);
                }).switchIfEmpty(Mono.fromSupplier(() -> {
                    request.trace().decide("cascade: step '" + target + "' accepted");
                    return new RoutePlan.Answer(answer.response(), answer.deployment());
                })))
                .onErrorResume(RoutingFailedException.class, failed -> {
                    request.trace().decide("cascade: step '" + target + "' failed (" + failed.decisive().type().tag()
                            + ")");
                    request.trace().cascadeEscalated(index + 1);
                    return step(request, index + 1);
                });
    }

    /** The rejection reason, or empty when the answer is accepted. */
    private Mono<String> judged(RoutingRequest request, TargetAnswer answer) {
        String rejection = checks.rejection(request.chat(), answer);
        if (rejection != null || judge == null) {
            return Mono.justOrEmpty(rejection);
        }
        return request.invoker().call(judge, JudgePrompts.score(request.lastUserText(), answer.text()))
                .flatMap(verdict -> {
                    request.trace().extraUsage(verdict.deployment(), verdict.response().usage());
                    double score = JudgePrompts.firstNumber(verdict.text());
                    return Double.isNaN(score) || score < minScore
                            ? Mono.just("judge score " + (Double.isNaN(score) ? "unreadable" : score))
                            : Mono.<String>empty();
                });
    }

    @Override
    public Set<String> targets() {
        Set<String> names = new LinkedHashSet<>(steps);
        if (judge != null) {
            names.add(judge);
        }
        return names;
    }
}
