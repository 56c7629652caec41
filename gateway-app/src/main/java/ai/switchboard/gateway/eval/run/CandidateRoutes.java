package ai.switchboard.gateway.eval.run;

import ai.switchboard.registry.RouteConfig;
import tools.jackson.databind.JsonNode;

/**
 * Builds the route a promotion gate evaluates: the stored route with a change applied (a {@code PATCH} body), checked
 * as that change would be and never stored. Blocking (it reads the registry): call it off the event loop.
 */
public interface CandidateRoutes {

    /** The label a candidate's results are reported under, next to the route's own name. */
    String SUFFIX = "@candidate";

    /**
     * @throws ai.switchboard.registry.admin.RegistryValidationException naming {@code candidate.<field>} when the
     *     change is not one the route could take
     * @throws ai.switchboard.registry.admin.RegistryNotFoundException when there is no such route
     */
    RouteConfig candidate(String routeIdOrName, JsonNode change);
}
