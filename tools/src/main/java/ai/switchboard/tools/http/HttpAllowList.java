package ai.switchboard.tools.http;

import ai.switchboard.tools.ToolException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The URL-level checks of an http tool, run on the model's URL and on every redirect before anything is sent: the
 * URL must be under a configured prefix, an IP literal must pass the {@link AddressPolicy}, and under a {@code *}
 * prefix the names of local and metadata hosts are refused outright. These give the model a clear reason early;
 * the address checks at DNS and connect time remain the guard.
 */
final class HttpAllowList {

    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "metadata", "metadata.google.internal",
            "metadata.goog", "instance-data", "instance-data.ec2.internal");

    private final List<HttpTarget> targets;
    private final AddressPolicy policy;

    HttpAllowList(List<HttpTarget> targets, AddressPolicy policy) {
        this.targets = List.copyOf(targets);
        this.policy = policy;
    }

    /** The allowed prefixes, for the model's instructions and error messages. */
    String describe() {
        return targets.stream().map(HttpTarget::toString).collect(Collectors.joining(", "));
    }

    /** Parses and checks a URL; throws a refusal the model can read. */
    RequestUrl check(String url) {
        RequestUrl parsed;
        try {
            parsed = RequestUrl.parse(url);
        } catch (IllegalArgumentException invalid) {
            throw ToolException.refused("The URL " + invalid.getMessage());
        }
        check(parsed);
        return parsed;
    }

    void check(RequestUrl url) {
        HttpTarget target = targets.stream().filter(candidate -> candidate.matches(url)).findFirst()
                .orElseThrow(() -> ToolException.refused(
                        "The URL " + url + " is not under an allowed URL prefix (" + describe() + ")"));
        HostName host = url.host();
        if (host.isAddress()) {
            String refusal = policy.refusal(host.address());
            if (refusal != null) {
                throw ToolException.refused(AddressRefusedException.describe(null, host.address(), refusal));
            }
        } else if (target.anyHost() && (LOCAL_NAMES.contains(host.name()) || host.name().endsWith(".localhost"))) {
            throw ToolException.refused(host.name() + " names a local or cloud metadata host, which this tool "
                    + "may not reach");
        }
    }
}
