package ai.switchboard.routing;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.RegistrySnapshot;
import java.util.Objects;
import java.util.Set;

/**
 * One chat request to a route or model, with what policies may look at.
 *
 * @param target what the client's name resolved to, once, against {@code snapshot}
 * @param keyName the calling key's name (never its secret)
 * @param tags the {@code x-switchboard-tags} header values
 */
public record RouteCall(RegistrySnapshot snapshot, Target target, ChatRequest request, String keyName,
        Set<String> tags, RoutingTrace trace) {

    public RouteCall {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(trace, "trace");
        tags = tags == null ? Set.of() : tags;
    }

    /** The model or route name the client sent. */
    public String name() {
        return target.name();
    }
}
