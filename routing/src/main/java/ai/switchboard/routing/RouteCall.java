package ai.switchboard.routing;

import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.RegistrySnapshot;
import java.util.Objects;
import java.util.Set;

/**
 * One chat request to a route or model, with what policies may look at.
 *
 * @param name the model or route name the client sent
 * @param keyName the calling key's name (never its secret)
 * @param tags the {@code x-switchboard-tags} header values
 */
public record RouteCall(RegistrySnapshot snapshot, String name, ChatRequest request, String keyName,
        Set<String> tags, RoutingTrace trace) {

    public RouteCall {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(trace, "trace");
        tags = tags == null ? Set.of() : tags;
    }
}
