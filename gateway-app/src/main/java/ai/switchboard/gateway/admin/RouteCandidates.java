package ai.switchboard.gateway.admin;

import ai.switchboard.gateway.eval.run.CandidateRoutes;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.route.RouteAdminService;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads a candidate change exactly as {@code PATCH /admin/v1/routes/{id}} reads its body, under {@code candidate}. */
@Component
class RouteCandidates implements CandidateRoutes {

    /**
     * Each candidate's policy version: negative, so never a stored route's, and new for every candidate, since the
     * route engine caches a compiled policy by route name, id and version.
     */
    private static final AtomicLong VERSIONS = new AtomicLong();

    private final RouteAdminService routes;

    RouteCandidates(RouteAdminService routes) {
        this.routes = routes;
    }

    @Override
    public RouteConfig candidate(String routeIdOrName, JsonNode change) {
        try {
            if (change == null || !change.isObject() || change.isEmpty()) {
                throw new RegistryValidationException("body", "must be a non-empty route change");
            }
            AdminJson.Patch<RouteRequest> patch =
                    AdminJson.readPatch(change.toString(), RouteRequest.class, RouteAdminService.CLEARABLE);
            return routes.candidate(routeIdOrName, patch.request().toUpdate(patch.cleared()),
                    VERSIONS.decrementAndGet());
        } catch (RegistryValidationException e) {
            throw new RegistryValidationException(e.errors().stream()
                    .map(error -> new FieldError(error.field().equals("body") ? "candidate"
                            : "candidate." + error.field(), error.message())).toList());
        }
    }
}
