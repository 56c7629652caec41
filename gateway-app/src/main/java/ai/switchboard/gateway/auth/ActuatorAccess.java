package ai.switchboard.gateway.auth;

import ai.switchboard.registry.KeyScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Who may call the actuator's endpoints, whose handlers are Spring Boot's and cannot carry {@link RequiredScope}:
 * health (with its probe groups), info, prometheus and the index that links them are public, because probes and
 * scrapers carry no key; any other endpoint an operator exposes needs an admin key. Which endpoints are exposed at
 * all is {@code management.endpoints.web.exposure.include}.
 */
final class ActuatorAccess {

    static final Set<String> PUBLIC_ENDPOINTS = Set.of("health", "info", "prometheus");

    private static final HandlerAccess ADMIN = HandlerAccess.anyOf(KeyScope.ADMIN);

    private ActuatorAccess() {
    }

    /** The access of every actuator handler, by handler bean (each actuator operation has its own). */
    static Map<Object, HandlerAccess> of(List<AbstractWebFluxEndpointHandlerMapping> mappings,
            PathMappedEndpoints endpoints) {
        Map<Object, HandlerAccess> access = new IdentityHashMap<>();
        if (endpoints == null) {
            return access;
        }
        String index = trimSlash(endpoints.getBasePath());
        List<String> publicRoots = publicRoots(endpoints);
        for (AbstractWebFluxEndpointHandlerMapping mapping : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerAccess declared = isPublic(entry.getKey(), index, publicRoots) ? HandlerAccess.PUBLIC : ADMIN;
                // A bean behind both a public and a private pattern is private.
                access.merge(entry.getValue().getBean(), declared, (first, second) -> first.isPublic() ? second : first);
            }
        }
        return Collections.unmodifiableMap(access);
    }

    private static List<String> publicRoots(PathMappedEndpoints endpoints) {
        List<String> roots = new ArrayList<>();
        for (String id : PUBLIC_ENDPOINTS) {
            EndpointId endpoint = EndpointId.of(id);
            String path = endpoints.getPath(endpoint);
            if (path != null) {
                roots.add(trimSlash(path));
                endpoints.getAdditionalPaths(WebServerNamespace.SERVER, endpoint).forEach(p -> roots.add(trimSlash(p)));
            }
        }
        return roots;
    }

    private static boolean isPublic(RequestMappingInfo info, String index, List<String> publicRoots) {
        Set<PathPattern> patterns = info.getPatternsCondition().getPatterns();
        return !patterns.isEmpty() && patterns.stream()
                .map(pattern -> trimSlash(pattern.getPatternString()))
                .allMatch(pattern -> pattern.equals(index) || publicRoots.stream()
                        .anyMatch(root -> pattern.equals(root) || pattern.startsWith(root + "/")));
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
