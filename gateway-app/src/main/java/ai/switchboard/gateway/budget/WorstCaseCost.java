package ai.switchboard.gateway.budget;

import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.Target;
import ai.switchboard.routing.policy.RoutingPolicies;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The most a request can cost before it is sent, which is what a budget reserves.
 *
 * <p>One call on a model costs at most {@code prompt × input price + output cap × output price × choices}, where the
 * prompt is counted with the gateway's tokenizer ({@code o200k_base}) and the output cap is the request's
 * {@code max_tokens}, else the model's {@code max_output_tokens}, else what its context window leaves, else
 * {@code switchboard.budgets.default-output-tokens}.
 *
 * <p>A route may call several models (cascade steps, ensemble members and their judge, classifiers, fallbacks), so
 * its worst case is conservative: every model the route can reach, through nested routes too, is counted as called
 * twice (a judge or classifier may also be a member), each call reading the prompt plus every reachable model's
 * output (a judge reads the answers). Unpriced models cost nothing here, as in the usage ledger.
 */
final class WorstCaseCost {

    private final RoutingPolicies policies;
    private final int defaultOutputTokens;

    WorstCaseCost(RoutingPolicies policies, int defaultOutputTokens) {
        this.policies = policies;
        this.defaultOutputTokens = defaultOutputTokens;
    }

    /**
     * @param promptTokens the prompt as the tokenizer counts it
     * @param maxTokens the request's output cap, or {@code null}
     * @param choices how many answers the request asks for
     * @param output whether the API produces output tokens at all (embeddings do not)
     */
    long nanos(RegistrySnapshot snapshot, Target target, long promptTokens, Integer maxTokens, int choices,
            boolean output) {
        if (target instanceof Target.Model model) {
            ModelConfig config = model.deployment().model();
            return Nanos.ofUsd(call(config, promptTokens, output ? outputCap(config, promptTokens, maxTokens) : 0,
                    choices));
        }
        Set<ModelConfig> reachable = reachableModels(snapshot, target.name());
        long outputs = 0;
        for (ModelConfig config : reachable) {
            outputs += output ? (long) outputCap(config, promptTokens, maxTokens) * choices : 0;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (ModelConfig config : reachable) {
            total = total.add(call(config, promptTokens + outputs,
                    output ? outputCap(config, promptTokens, maxTokens) : 0, choices));
        }
        return Nanos.ofUsd(total.multiply(BigDecimal.TWO));
    }

    /** The names of every model a route can reach, through nested routes and fallbacks. */
    Set<String> reachableModelNames(RegistrySnapshot snapshot, Target target) {
        if (target instanceof Target.Model model) {
            return Set.of(model.name());
        }
        Set<String> names = new LinkedHashSet<>();
        reachableModels(snapshot, target.name()).forEach(m -> names.add(m.name()));
        return names;
    }

    private Set<ModelConfig> reachableModels(RegistrySnapshot snapshot, String routeName) {
        Set<ModelConfig> models = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> names = new ArrayDeque<>();
        names.push(routeName);
        while (!names.isEmpty()) {
            String name = names.pop();
            if (!seen.add(name)) {
                continue;
            }
            RouteConfig route = snapshot.route(name);
            if (route != null) {
                names.addAll(route.fallbacks());
                try {
                    names.addAll(policies.policyOf(route).targets());
                } catch (IllegalStateException invalid) {
                    // An invalid stored route fails when it is served; its fallbacks are still counted.
                }
                continue;
            }
            ModelConfig model = snapshot.model(name);
            if (model != null) {
                models.add(model);
            }
        }
        return models;
    }

    private int outputCap(ModelConfig model, long promptTokens, Integer maxTokens) {
        if (maxTokens != null) {
            return model.maxOutputTokens() != null ? Math.min(maxTokens, model.maxOutputTokens()) : maxTokens;
        }
        if (model.maxOutputTokens() != null) {
            return model.maxOutputTokens();
        }
        if (model.contextWindow() != null && model.contextWindow() > promptTokens) {
            return (int) (model.contextWindow() - promptTokens);
        }
        return defaultOutputTokens;
    }

    private static BigDecimal call(ModelConfig model, long inputTokens, long outputTokens, int choices) {
        BigDecimal cost = BigDecimal.ZERO;
        if (model.inputPricePerMtok() != null) {
            cost = cost.add(model.inputPricePerMtok().multiply(BigDecimal.valueOf(inputTokens)));
        }
        if (model.outputPricePerMtok() != null) {
            cost = cost.add(model.outputPricePerMtok()
                    .multiply(BigDecimal.valueOf(outputTokens * Math.max(1, choices))));
        }
        return cost.movePointLeft(6);
    }
}
