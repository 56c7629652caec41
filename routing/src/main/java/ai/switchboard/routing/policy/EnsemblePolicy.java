package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.routing.execution.RoutingFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code ensemble}: the request goes to several members and one answer is returned. Combiners:
 * <ul>
 * <li>{@code majority}: all members in parallel; the most common normalised answer (or JSON field) wins, ties go
 *     to the member listed first;</li>
 * <li>{@code judge}: all members in parallel; a judge model picks the best;</li>
 * <li>{@code first_good}: hedging: member N starts N × {@code hedge_delay_ms} after the first unless a good
 *     answer (finished with {@code stop}, not empty) has arrived; the first good answer wins and the rest are
 *     cancelled.</li>
 * </ul>
 * The usage of every completed member that is not returned (and of the judge) is added to the request's trace, so
 * the ledger counts the whole cost. Members failing is tolerated while at least one answers.
 *
 * <p>Config: {@code {"members": ["a", "b", "c"], "combiner": "majority", "json_field": "label", "judge": "j",
 * "hedge_delay_ms": 500}}.
 */
public final class EnsemblePolicy implements ConfiguredPolicy {

    public static final String NAME = "ensemble";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("members", "combiner", "json_field", "judge", "hedge_delay_ms");

    private static final AcceptanceChecks GOOD = new AcceptanceChecks(List.of(), null);

    private final List<String> members;
    private final String combiner;
    private final String jsonField;
    private final String judge;
    private final Duration hedgeDelay;

    public EnsemblePolicy(List<String> members, String combiner, String jsonField, String judge,
            Duration hedgeDelay) {
        this.members = List.copyOf(members);
        this.combiner = combiner;
        this.jsonField = jsonField;
        this.judge = judge;
        this.hedgeDelay = hedgeDelay;
    }

    static EnsemblePolicy from(JsonNode config, ConfigReader reader) {
        List<String> members = reader.names(config.get("members"), "members");
        String combiner = reader.optionalString(config.get("combiner"), "combiner");
        if (combiner == null || !List.of("majority", "judge", "first_good").contains(combiner)) {
            reader.error("combiner", "must be majority, judge or first_good");
        }
        String judge = "judge".equals(combiner) ? reader.name(config.get("judge"), "judge") : null;
        Integer hedge = reader.integer(config.get("hedge_delay_ms"), "hedge_delay_ms", 0);
        return new EnsemblePolicy(members, combiner, reader.optionalString(config.get("json_field"), "json_field"),
                judge, Duration.ofMillis(hedge == null ? 1_000 : hedge));
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        ChatRequest buffered = NonStreaming.of(request.chat());
        Mono<TargetAnswer> chosen = switch (combiner) {
            case "first_good" -> firstGood(request, buffered);
            case "judge" -> all(request, buffered).flatMap(answers -> judge(request, answers));
            default -> all(request, buffered).map(answers -> majority(request, answers));
        };
        return chosen.map(answer -> new RoutePlan.Answer(answer.response(), answer.deployment()));
    }

    private Mono<TargetAnswer> firstGood(RoutingRequest request, ChatRequest buffered) {
        return Flux.range(0, members.size())
                .flatMap(i -> Mono.delay(hedgeDelay.multipliedBy(i))
                        .then(member(request, buffered, i)))
                .filter(answer -> {
                    if (GOOD.rejection(buffered, answer) == null) {
                        return true;
                    }
                    request.trace().extraUsage(answer.deployment(), answer.response().usage());
                    return false;
                })
                .next()
                .doOnNext(answer -> request.trace().decide("ensemble: first good answer from '"
                        + answer.deployment().modelName() + "'"))
                .switchIfEmpty(Mono.error(() -> noAnswer(request)));
    }

    /** Every member's answer, in member order; failed members are left out. */
    private Mono<List<TargetAnswer>> all(RoutingRequest request, ChatRequest buffered) {
        return Flux.range(0, members.size())
                .flatMapSequential(i -> member(request, buffered, i))
                .collectList()
                .flatMap(answers -> answers.isEmpty() ? Mono.error(noAnswer(request)) : Mono.just(answers));
    }

    private Mono<TargetAnswer> member(RoutingRequest request, ChatRequest buffered, int index) {
        return Mono.defer(() -> {
                    request.trace().ensembleMember(members.get(index));
                    return request.invoker().call(members.get(index), buffered);
                })
                .onErrorResume(RoutingFailedException.class, failed -> {
                    request.trace().decide("ensemble: member '" + members.get(index) + "' failed ("
                            + failed.decisive().type().tag() + ")");
                    return Mono.empty();
                });
    }

    TargetAnswer majority(RoutingRequest request, List<TargetAnswer> answers) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (TargetAnswer answer : answers) {
            votes.merge(normalise(answer), 1, Integer::sum);
        }
        // LinkedHashMap keeps first-seen order, so max() over a stable order breaks ties toward the earlier member.
        String winner = votes.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElseThrow();
        for (Map.Entry<String, Integer> entry : votes.entrySet()) {
            if (entry.getValue().equals(votes.get(winner))) {
                winner = entry.getKey();
                break;
            }
        }
        TargetAnswer chosen = null;
        for (TargetAnswer answer : answers) {
            if (chosen == null && normalise(answer).equals(winner)) {
                chosen = answer;
            } else {
                request.trace().extraUsage(answer.deployment(), answer.response().usage());
            }
        }
        request.trace().decide("ensemble: majority " + votes.get(winner) + "/" + answers.size() + " for '"
                + chosen.deployment().modelName() + "'");
        return chosen;
    }

    private Mono<TargetAnswer> judge(RoutingRequest request, List<TargetAnswer> answers) {
        List<String> texts = new ArrayList<>(answers.size());
        answers.forEach(answer -> texts.add(answer.text()));
        return request.invoker().call(judge, JudgePrompts.pick(request.lastUserText(), texts))
                .map(verdict -> {
                    request.trace().extraUsage(verdict.deployment(), verdict.response().usage());
                    double pick = JudgePrompts.firstNumber(verdict.text());
                    int index = Double.isNaN(pick) || pick < 1 || pick > answers.size() ? 0 : (int) pick - 1;
                    request.trace().decide("ensemble: judge picked answer " + (index + 1) + " of " + answers.size());
                    return index;
                })
                .onErrorResume(RoutingFailedException.class, failed -> {
                    request.trace().decide("ensemble: judge failed; first answer kept");
                    return Mono.just(0);
                })
                .map(index -> {
                    for (int i = 0; i < answers.size(); i++) {
                        if (i != index) {
                            request.trace().extraUsage(answers.get(i).deployment(), answers.get(i).response().usage());
                        }
                    }
                    return answers.get(index);
                });
    }

    /** The text compared by majority vote: a JSON field's value, or the text lower-cased with spaces collapsed. */
    String normalise(TargetAnswer answer) {
        String text = answer.text();
        if (jsonField != null) {
            try {
                JsonNode field = WireJson.mapper().readTree(text).path(jsonField);
                text = field.isValueNode() ? field.asString() : field.toString();
            } catch (JacksonException notJson) {
                // Not JSON: falls back to comparing the text itself.
            }
        }
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[.!]+$", "");
    }

    private static RuntimeException noAnswer(RoutingRequest request) {
        return new RoutingFailedException(request.trace().attempts(), new ProviderException(
                ErrorType.UPSTREAM_UNAVAILABLE, 503, "No ensemble member answered", null, null, null, null));
    }

    @Override
    public Set<String> targets() {
        Set<String> names = new LinkedHashSet<>(members);
        if (judge != null) {
            names.add(judge);
        }
        return names;
    }
}
