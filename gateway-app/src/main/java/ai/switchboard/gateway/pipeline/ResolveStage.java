package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.DeploymentResolver;
import ai.switchboard.routing.Target;
import reactor.core.publisher.Mono;

/**
 * Resolves the requested name once, against one snapshot that then serves the whole request: an enabled route, or
 * a model whose deployment has the capabilities the API needs. A name the key may not use is reported exactly like
 * a name that does not exist, so keys cannot probe the catalog. A route's candidates are checked by the route
 * engine as it plans them. An agent ({@code agent:<name>}) resolves to the model or route it plans with, checked as
 * that name would be (the key needs the agent, not the model); agents run through chat completions only.
 */
final class ResolveStage implements RequestStage {

    private final RegistrySnapshotManager snapshots;
    private final DeploymentResolver resolver;

    ResolveStage(RegistrySnapshotManager snapshots, DeploymentResolver resolver) {
        this.snapshots = snapshots;
        this.resolver = resolver;
    }

    @Override
    public Mono<Void> enter(RequestContext context) {
        String name = context.model();
        if (name == null || name.isBlank()) {
            throw ApiException.invalidRequest("You must provide a model parameter.", "model");
        }
        if (!context.key().mayUse(name)) {
            throw ApiException.modelNotFound(name);
        }
        RegistrySnapshot snapshot = snapshots.current();
        if (AgentConfig.isAgentModel(name)) {
            resolveAgent(context, snapshot, name);
            return Mono.empty();
        }
        RouteConfig candidate = context.candidateRoute();
        RouteConfig route = candidate != null && candidate.name().equals(name) ? candidate : snapshot.route(name);
        if (route != null && route.enabled()) {
            context.resolved(snapshot, new Target.Route(route));
            return Mono.empty();
        }
        Deployment deployment = resolver.resolve(snapshot, name);
        if (deployment == null) {
            throw ApiException.modelNotFound(name);
        }
        RequiredCapability.require(deployment, name, context.api().capability());
        if (context.stream()) {
            RequiredCapability.require(deployment, name, Capability.STREAMING);
        }
        context.resolved(snapshot, new Target.Model(deployment));
        return Mono.empty();
    }

    private void resolveAgent(RequestContext context, RegistrySnapshot snapshot, String name) {
        AgentConfig agent = snapshot.agent(name.substring(AgentConfig.MODEL_PREFIX.length()));
        if (agent == null) {
            throw ApiException.modelNotFound(name);
        }
        if (context.api() != Api.CHAT) {
            throw new ApiException(400, "invalid_request_error", "The agent '" + ApiException.echo(name)
                    + "' runs through /v1/chat/completions only.", "model", "agent_not_runnable");
        }
        context.resolved(snapshot, AgentTargets.of(agent, snapshot, resolver));
        context.agent(agent);
    }
}
