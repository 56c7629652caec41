package ai.switchboard.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.auth.HandlerAccess;
import ai.switchboard.gateway.auth.HandlerAccessResolver;
import ai.switchboard.registry.KeyScope;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.server.WebFilter;

/**
 * Deny by default, checked on the running application: every handler any of its mappings can route to declares who
 * may call it, so a route added without a declaration fails here (and, at run time, is never served). Also pins what
 * is public (the actuator's health, info and prometheus) and that Spring Security is used as a library only.
 */
class RouteAccessIT extends GatewayIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    HandlerAccessResolver access;

    @Test
    void everyRegisteredHandlerDeclaresWhoMayCallIt() {
        List<RegisteredRoute> routes = RegisteredRoute.all(context);

        assertThat(routes).extracting(RegisteredRoute::pattern).contains("/v1/chat/completions", "/v1/models/{*id}",
                "/v1/**", "/admin/v1/keys", "/admin/v1/keys/{id}", "/admin/v1/config:apply", "/actuator/health",
                "/admin/v1/rate-limits", "/admin/v1/rate-limits/{id}", "/admin/v1/budgets", "/admin/v1/budgets/{id}");
        assertThat(routes).allSatisfy(route -> assertThat(access.of(route.handler()))
                .as("access declared by %s %s (%s)", route.methods(), route.pattern(), route.handler())
                .isNotNull());
    }

    @Test
    void adminRoutesAdmitAdminsNeverInferenceKeysViewersOnlyToReadAndV1RoutesInferenceKeys() {
        for (RegisteredRoute route : RegisteredRoute.all(context)) {
            HandlerAccess declared = access.of(route.handler());
            if (route.pattern().startsWith("/admin")) {
                assertThat(declared.anyOf()).as(route.pattern()).contains(KeyScope.ADMIN)
                        .doesNotContain(KeyScope.INFERENCE);
                // A prompt preview is a POST that changes nothing, so viewers may render too.
                if (!route.methods().equals(java.util.Set.of(org.springframework.http.HttpMethod.GET))
                        && !route.pattern().endsWith(":render")) {
                    assertThat(declared.anyOf()).as("%s %s", route.methods(), route.pattern())
                            .doesNotContain(KeyScope.VIEWER);
                }
            } else if (route.pattern().startsWith("/v1/agents/runs/")) {
                // A stored run is read or cancelled by the key that started it, its team's administrator or an admin
                // (the path's method-not-allowed answer is declared for inference keys only).
                assertThat(declared.anyOf()).as(route.pattern()).contains(KeyScope.INFERENCE)
                        .isSubsetOf(KeyScope.INFERENCE, KeyScope.TEAM_ADMIN, KeyScope.ADMIN);
            } else if (route.pattern().startsWith("/v1")) {
                assertThat(declared.anyOf()).as(route.pattern()).containsExactly(KeyScope.INFERENCE);
            }
        }
    }

    @Test
    void onlyHealthInfoPrometheusAndTheActuatorIndexArePublic() {
        List<String> publicPatterns = RegisteredRoute.all(context).stream()
                .filter(route -> access.of(route.handler()).isPublic())
                .map(RegisteredRoute::pattern)
                .toList();

        assertThat(publicPatterns).contains("/actuator/health", "/actuator/info", "/actuator/prometheus")
                .allMatch(pattern -> pattern.matches("/actuator/?|/actuator/(health|info|prometheus)(/.*)?"));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void springSecurityIsALibraryHereNotAFilterChain() {
        String[] securityBeans = Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> context.getType(name) != null
                        && context.getType(name).getName().startsWith("org.springframework.security."))
                .toArray(String[]::new);
        List<String> filters = context.getBeansOfType(WebFilter.class).values().stream()
                .map(filter -> filter.getClass().getName())
                .toList();

        assertThat(securityBeans).isEmpty();
        assertThat(filters).noneMatch(name -> name.startsWith("org.springframework.security."));
    }
}
