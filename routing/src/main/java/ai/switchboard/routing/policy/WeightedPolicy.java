package ai.switchboard.routing.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code weighted}: A/B tests and canaries. One target is drawn by weight; the others follow, heaviest first, as
 * failover. With {@code sticky} set to {@code key} or {@code user}, the draw is a stable hash of the calling key's
 * name or the request's {@code user}, so the same caller keeps landing on the same side.
 *
 * <p>Config: {@code {"targets": [{"target": "a", "weight": 90}, {"target": "b", "weight": 10}], "sticky": "user"}}.
 */
public final class WeightedPolicy implements ConfiguredPolicy {

    public static final String NAME = "weighted";

    /** The configuration keys this policy reads; any other is refused. */
    static final Set<String> CONFIG_KEYS = Set.of("targets", "sticky");

    /** What keeps a caller on one side. */
    public enum Sticky { NONE, KEY, USER }

    /** One side of the split. */
    public record Share(String target, double weight) {
    }

    private final List<Share> shares;
    private final double total;
    private final Sticky sticky;
    private final DoubleSupplier random;

    public WeightedPolicy(List<Share> shares, Sticky sticky, DoubleSupplier random) {
        this.shares = List.copyOf(shares);
        this.total = shares.stream().mapToDouble(Share::weight).sum();
        this.sticky = sticky;
        this.random = random;
    }

    static WeightedPolicy from(JsonNode config, ConfigReader reader) {
        List<Share> shares = new ArrayList<>();
        JsonNode targets = config.get("targets");
        if (targets == null || !targets.isArray() || targets.isEmpty()) {
            reader.error("targets", "must be a non-empty array of {\"target\", \"weight\"} objects");
        } else {
            for (int i = 0; i < targets.size(); i++) {
                String path = "targets[" + i + "]";
                String name = reader.name(targets.get(i).get("target"), path + ".target");
                Double weight = reader.number(targets.get(i).get("weight"), path + ".weight", 0, 1_000_000);
                if (name != null && weight != null) {
                    shares.add(new Share(name, weight));
                } else if (weight == null && name != null) {
                    reader.error(path + ".weight", "is required");
                }
            }
            if (!shares.isEmpty() && shares.stream().mapToDouble(Share::weight).sum() <= 0) {
                reader.error("targets", "at least one weight must be positive");
            }
        }
        String stickyText = reader.optionalString(config.get("sticky"), "sticky");
        Sticky sticky = Sticky.NONE;
        if (stickyText != null) {
            try {
                sticky = Sticky.valueOf(stickyText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reader.error("sticky", "must be none, key or user");
            }
        }
        return new WeightedPolicy(shares, sticky, () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public Mono<RoutePlan> plan(RoutingRequest request) {
        String stickyId = switch (sticky) {
            case KEY -> request.keyName();
            case USER -> request.chat().user();
            case NONE -> null;
        };
        double draw = (stickyId != null ? unitHash(stickyId) : random.getAsDouble()) * total;
        Share chosen = shares.get(shares.size() - 1);
        double cumulative = 0;
        for (Share share : shares) {
            cumulative += share.weight();
            if (draw < cumulative) {
                chosen = share;
                break;
            }
        }
        List<String> order = new ArrayList<>(shares.size());
        order.add(chosen.target());
        shares.stream()
                .sorted(Comparator.comparingDouble(Share::weight).reversed())
                .map(Share::target)
                .filter(target -> !order.contains(target))
                .forEach(order::add);
        request.trace().decide("weighted: drew '" + chosen.target() + "'" + (stickyId != null ? " (sticky "
                + sticky.name().toLowerCase(Locale.ROOT) + ")" : ""));
        return Mono.just(RoutePlan.targets(order));
    }

    @Override
    public Set<String> targets() {
        Set<String> names = new LinkedHashSet<>();
        shares.forEach(share -> names.add(share.target()));
        return names;
    }

    /** FNV-1a 64 of the text, mapped to [0, 1): stable across replicas and restarts, unlike String.hashCode seeds. */
    static double unitHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return (hash >>> 11) * 0x1.0p-53;
    }
}
