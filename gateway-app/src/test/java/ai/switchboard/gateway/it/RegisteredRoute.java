package ai.switchboard.gateway.it;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * One route the running application serves, read from its handler mappings (functional routes and annotated
 * controllers, the actuator's included) by {@link #all}, so that a test over all routes covers a new one without
 * being edited.
 *
 * @param methods the methods the route answers; empty when it answers any
 * @param pattern the path pattern
 * @param handler the handler object the dispatcher resolves the route to
 */
record RegisteredRoute(Set<HttpMethod> methods, String pattern, Object handler) {

    static List<RegisteredRoute> all(ApplicationContext context) {
        List<RegisteredRoute> routes = new ArrayList<>();
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            RouterFunction<?> functions = mapping.getRouterFunction();
            if (functions != null) {
                functions.accept(new FunctionalRoutes(routes));
            }
        }
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                Set<HttpMethod> methods = new LinkedHashSet<>();
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    methods.add(method.asHttpMethod());
                }
                for (PathPattern pattern : entry.getKey().getPatternsCondition().getPatterns()) {
                    routes.add(new RegisteredRoute(methods, pattern.getPatternString(), entry.getValue()));
                }
            }
        }
        return routes;
    }

    /** Collects each functional route's method and path predicates. */
    private record FunctionalRoutes(List<RegisteredRoute> routes) implements RouterFunctions.Visitor {

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Set<HttpMethod> methods = new LinkedHashSet<>();
            List<String> paths = new ArrayList<>();
            predicate.accept(new PredicateParts(methods, paths));
            if (paths.size() != 1) {
                throw new IllegalStateException("Cannot tell the path of route " + predicate);
            }
            routes.add(new RegisteredRoute(methods, paths.getFirst(), handlerFunction));
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            throw new IllegalStateException("Nested routes are not enumerated yet: " + predicate);
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
            throw new IllegalStateException("Resource routes cannot declare access: " + lookupFunction);
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            throw new IllegalStateException("Unknown kind of route: " + routerFunction);
        }
    }

    private record PredicateParts(Set<HttpMethod> methods, List<String> paths) implements RequestPredicates.Visitor {

        @Override
        public void method(Set<HttpMethod> accepted) {
            methods.addAll(accepted);
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
            throw new IllegalStateException("Unknown predicate: " + predicate);
        }
    }
}
