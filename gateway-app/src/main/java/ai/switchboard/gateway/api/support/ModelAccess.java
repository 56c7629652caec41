package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.Capabilities;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.DeploymentResolver;
import org.springframework.stereotype.Component;

/**
 * Decides which deployment serves a model name for a caller. A model the key may not use is reported exactly like
 * a model that does not exist, so keys cannot probe the catalog.
 */
@Component
public class ModelAccess {

    private final RegistrySnapshotManager snapshots;
    private final DeploymentResolver resolver;

    public ModelAccess(RegistrySnapshotManager snapshots, DeploymentResolver resolver) {
        this.snapshots = snapshots;
        this.resolver = resolver;
    }

    /**
     * Checks that the caller may use {@code name}, a route or a model, and returns the snapshot to serve it from. A
     * model must have each required capability; a route's candidates are filtered by the route engine instead.
     */
    public RegistrySnapshot check(AuthenticatedCaller caller, String name, Capability... required) {
        RegistrySnapshot snapshot = snapshots.current();
        RouteConfig route = name == null ? null : snapshot.route(name);
        if (route != null && route.enabled()) {
            if (!caller.key().mayUse(name)) {
                throw ApiException.modelNotFound(name);
            }
            return snapshot;
        }
        resolve(snapshot, caller, name, required);
        return snapshot;
    }

    /** The deployment for {@code modelName}, checked for the key's permission and each required capability. */
    public Deployment resolve(AuthenticatedCaller caller, String modelName, Capability... required) {
        return resolve(snapshots.current(), caller, modelName, required);
    }

    private Deployment resolve(RegistrySnapshot snapshot, AuthenticatedCaller caller, String modelName,
            Capability... required) {
        if (modelName == null || modelName.isBlank()) {
            throw ApiException.invalidRequest("You must provide a model parameter.", "model");
        }
        if (!caller.key().mayUse(modelName)) {
            throw ApiException.modelNotFound(modelName);
        }
        Deployment deployment = resolver.resolve(snapshot, modelName);
        if (deployment == null) {
            throw ApiException.modelNotFound(modelName);
        }
        for (Capability capability : required) {
            if (!supports(deployment, capability)) {
                throw new ApiException(400, "invalid_request_error", "The model '" + modelName + "' does not support "
                        + describe(capability) + ".", "model", "unsupported_capability");
            }
        }
        return deployment;
    }

    private static boolean supports(Deployment deployment, Capability capability) {
        return Capabilities.supports(deployment.model(), capability);
    }

    private static String describe(Capability capability) {
        return switch (capability) {
            case CHAT -> "chat completions";
            case COMPLETIONS -> "text completions";
            case EMBEDDINGS -> "embeddings";
            case STREAMING -> "streaming";
            case TOOLS -> "tools";
            case VISION -> "image input";
            case JSON -> "JSON response formats";
        };
    }
}
