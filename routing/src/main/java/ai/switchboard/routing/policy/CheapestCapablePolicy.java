package ai.switchboard.routing.policy;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.routing.Capabilities;
import ai.switchboard.routing.Deployment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code cheapest-capable}: of the model targets that can serve the request (its tools, images, JSON output and
 * streaming, and a context window that fits the estimated prompt plus the requested output), the cheapest first by
 * the registry's price table; the more expensive capable ones follow as failover. Models without a price go last.
 *
 * <p>Config: {@code {"targets": ["small", "medium", "large"], "expected_output_tokens": 256}}.
 */
public final class CheapestCapablePolicy implements ConfiguredPolicy {

    public static final String NAME = "cheapest-capable";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("targets", "expected_output_tokens");

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final List<String> targets;
    private final int expectedOutputTokens;

    public CheapestCapablePolicy(List<String> targets, int expectedOutputTokens) {
        this.targets = List.copyOf(targets);
        this.expectedOutputTokens = expectedOutputTokens;
    }

    static CheapestCapablePolicy from(JsonNode config, ConfigReader reader) {
        Integer expected = reader.integer(config.get("expected_output_tokens"), "expected_output_tokens", 1);
        return new CheapestCapablePolicy(reader.names(config.get("targets"), "targets"),
                expected == null ? 256 : expected);
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        Set<Capability> required = Capabilities.requiredBy(request.chat());
        Integer outputLimit = request.chat().outputTokenLimit();
        int output = outputLimit != null ? outputLimit : expectedOutputTokens;
        int needed = request.promptTokens() + (outputLimit != null ? outputLimit : 0);
        List<Priced> capable = new ArrayList<>();
        for (String target : targets) {
            Deployment deployment = request.deployment(target);
            if (deployment == null) {
                continue;
            }
            ModelConfig model = deployment.model();
            Integer window = model.contextWindow();
            if (Capabilities.supportsAll(model, required) && (window == null || needed <= window)) {
                capable.add(new Priced(target, cost(model, request.promptTokens(), output)));
            }
        }
        if (capable.isEmpty()) {
            return Mono.error(new ProviderException(ErrorType.UNSUPPORTED, 400, "No model of this route can serve "
                    + "the request (needs " + describe(required) + " and about " + needed + " tokens of context)",
                    "model", "no_capable_model", null, null));
        }
        capable.sort(Comparator.comparing(Priced::cost));
        List<String> order = capable.stream().map(Priced::target).toList();
        request.trace().decide("cheapest-capable: " + order + " for ~" + request.promptTokens() + " prompt tokens");
        return Mono.just(RoutePlan.targets(order));
    }

    /** Estimated USD cost; unknown prices sort after every known one. */
    private static BigDecimal cost(ModelConfig model, int promptTokens, int outputTokens) {
        if (model.inputPricePerMtok() == null || model.outputPricePerMtok() == null) {
            return BigDecimal.valueOf(Long.MAX_VALUE);
        }
        return model.inputPricePerMtok().multiply(BigDecimal.valueOf(promptTokens))
                .add(model.outputPricePerMtok().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION);
    }

    private static String describe(Set<Capability> required) {
        return required.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList().toString();
    }

    @Override
    public Set<String> targets() {
        return new LinkedHashSet<>(targets);
    }

    private record Priced(String target, BigDecimal cost) {
    }
}
