package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.DeploymentResolver;
import ai.switchboard.routing.Target;

/**
 * What an agent plans with: its enabled route, or its model's deployment, which must chat (and take tools when the
 * agent has any). The one rule for a run a client starts and for a run another agent delegates to.
 */
public final class AgentTargets {

    private AgentTargets() {
    }

    /** The agent's target in {@code snapshot}; an {@link ApiException} when its model cannot serve it. */
    public static Target of(AgentConfig agent, RegistrySnapshot snapshot, DeploymentResolver resolver) {
        RouteConfig route = snapshot.route(agent.model());
        if (route != null && route.enabled()) {
            return new Target.Route(route);
        }
        Deployment deployment = resolver.resolve(snapshot, agent.model());
        if (deployment == null) {
            throw new ApiException(503, "server_error", "The model of agent '"
                    + ApiException.echo(agent.modelName()) + "' is disabled or unavailable.", "model",
                    "agent_model_unavailable");
        }
        RequiredCapability.require(deployment, agent.model(), Capability.CHAT);
        if (!agent.tools().isEmpty()) {
            RequiredCapability.require(deployment, agent.model(), Capability.TOOLS);
        }
        return new Target.Model(deployment);
    }
}
