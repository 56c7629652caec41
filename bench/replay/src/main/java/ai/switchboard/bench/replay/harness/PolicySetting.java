package ai.switchboard.bench.replay.harness;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * One routing policy at one setting, as a gateway route.
 *
 * @param policy the family shown in reports: {@code always-strong}, {@code always-weak}, {@code cascade},
 *     {@code router}, {@code specialist}
 * @param setting what distinguishes this setting, short ({@code min-tokens-80}, {@code judge-7})
 * @param routePolicy the gateway's policy name ({@code fallback}, {@code cascade}, {@code router},
 *     {@code specialist-generalist})
 * @param config the route's {@code config}
 */
public record PolicySetting(String policy, String setting, String routePolicy, ObjectNode config) {

    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]");

    public PolicySetting {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(routePolicy, "routePolicy");
        Objects.requireNonNull(config, "config");
    }

    /** The route's name in the gateway: {@code <dataset>.<policy>.<setting>}. */
    public String routeName(String dataset) {
        return UNSAFE.matcher((dataset + "." + policy + "." + setting).toLowerCase(Locale.ROOT))
                .replaceAll("-");
    }

    public boolean isBaseline() {
        return policy.startsWith("always-");
    }
}
