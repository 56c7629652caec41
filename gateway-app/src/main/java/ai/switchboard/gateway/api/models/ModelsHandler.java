package ai.switchboard.gateway.api.models;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.ModelConfig;
import ai.switchboard.registry.ProviderConfig;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: only what the calling key may use. */
@Component
public class ModelsHandler {

    private final RegistrySnapshotManager snapshots;

    public ModelsHandler(RegistrySnapshotManager snapshots) {
        this.snapshots = snapshots;
    }

    public Mono<ServerResponse> list(ServerRequest request) {
        ApiKeyRecord key = AuthenticatedCaller.of(request.exchange()).key();
        RegistrySnapshot snapshot = snapshots.current();
        List<ModelListing.Entry> entries = new ArrayList<>();
        for (ModelConfig model : snapshot.models()) {
            if (usable(snapshot, key, model)) {
                entries.add(entry(model));
            }
        }
        // Routes are used exactly like models, so a key sees the ones it may name.
        for (RouteConfig route : snapshot.routes()) {
            if (route.enabled() && key.mayUse(route.name())) {
                entries.add(entry(route));
            }
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(JsonWriter.body(ModelListing.of(entries)));
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        ApiKeyRecord key = AuthenticatedCaller.of(request.exchange()).key();
        // Model names may contain '/', so the route captures the rest of the path.
        String id = request.pathVariable("id").substring(1);
        RegistrySnapshot snapshot = snapshots.current();
        RouteConfig route = snapshot.route(id);
        if (route != null && route.enabled() && key.mayUse(id)) {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(JsonWriter.body(entry(route)));
        }
        ModelConfig model = snapshot.model(id);
        if (model == null || !usable(snapshot, key, model)) {
            return Mono.error(ApiException.modelNotFound(id));
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(JsonWriter.body(entry(model)));
    }

    private static boolean usable(RegistrySnapshot snapshot, ApiKeyRecord key, ModelConfig model) {
        if (!model.enabled() || !key.mayUse(model.name())) {
            return false;
        }
        ProviderConfig provider = snapshot.provider(model.providerName());
        return provider != null && provider.enabled();
    }

    private static ModelListing.Entry entry(RouteConfig route) {
        return ModelListing.Entry.of(route.name(), route.createdEpochSecond(), "switchboard-route", null);
    }

    private static ModelListing.Entry entry(ModelConfig model) {
        return ModelListing.Entry.of(model.name(), model.createdEpochSecond(), model.providerName(), model.version());
    }
}
