package ai.switchboard.routing;

import ai.switchboard.registry.RouteConfig;
import java.util.Objects;

/**
 * What a request's model name resolved to, once, before routing: an enabled route, planned by its policy, or a
 * model served by one deployment. Handing the resolution to the {@link RouteEngine} means the name the caller was
 * authorised for is the name that is executed.
 */
public sealed interface Target {

    /** The public name the caller used. */
    String name();

    /** An enabled route. */
    record Route(RouteConfig route) implements Target {

        public Route {
            Objects.requireNonNull(route, "route");
        }

        @Override
        public String name() {
            return route.name();
        }
    }

    /** A model and the deployment that serves it. */
    record Model(Deployment deployment) implements Target {

        public Model {
            Objects.requireNonNull(deployment, "deployment");
        }

        @Override
        public String name() {
            return deployment.modelName();
        }
    }
}
