package ai.switchboard.routing.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code router}: ordered rules; the first whose conditions all hold picks the target, else the default does.
 *
 * <p>Config: {@code {"rules": [{"name": "code", "when": {"keywords": ["stack trace"]}, "target": "coder"}],
 * "default": "general"}}. Conditions: see {@link RuleCondition}.
 */
public final class RouterPolicy implements ConfiguredPolicy {

    public static final String NAME = "router";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("rules", "default");

    /** One rule. */
    public record Rule(String name, RuleCondition when, String target) {
    }

    private final List<Rule> rules;
    private final String defaultTarget;

    public RouterPolicy(List<Rule> rules, String defaultTarget) {
        this.rules = List.copyOf(rules);
        this.defaultTarget = defaultTarget;
    }

    static RouterPolicy from(JsonNode config, ConfigReader reader) {
        List<Rule> rules = new ArrayList<>();
        JsonNode list = config.get("rules");
        if (list != null && !list.isArray()) {
            reader.error("rules", "must be an array");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                String path = "rules[" + i + "]";
                JsonNode rule = list.get(i);
                String name = reader.optionalString(rule.get("name"), path + ".name");
                String target = reader.name(rule.get("target"), path + ".target");
                RuleCondition when = RuleCondition.from(rule.get("when"), path + ".when", reader);
                rules.add(new Rule(name == null ? "#" + i : name, when, target));
            }
        }
        return new RouterPolicy(rules, reader.name(config.get("default"), "default"));
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        for (Rule rule : rules) {
            if (rule.when().matches(request)) {
                request.trace().decide("router: rule '" + rule.name() + "' matched -> " + rule.target());
                return Mono.just(RoutePlan.targets(List.of(rule.target())));
            }
        }
        request.trace().decide("router: no rule matched -> default " + defaultTarget);
        return Mono.just(RoutePlan.targets(List.of(defaultTarget)));
    }

    @Override
    public Set<String> targets() {
        Set<String> names = new LinkedHashSet<>();
        rules.forEach(rule -> names.add(rule.target()));
        names.add(defaultTarget);
        names.remove(null);
        return names;
    }
}
