package ai.switchboard.gateway.auth;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * The access a resolved handler declares: a {@link ScopedHandlerFunction}'s own, a controller method's
 * {@link RequiredScope} (else its class's), the actuator's rule ({@link ActuatorAccess}), or public for the handler
 * Spring itself answers {@code OPTIONS} with. Anything else, an empty {@code @RequiredScope({})} included, declares
 * nothing and is not served.
 */
@Component
public class HandlerAccessResolver implements SmartInitializingSingleton {

    private final ObjectProvider<AbstractWebFluxEndpointHandlerMapping> actuatorMappings;
    private final ObjectProvider<PathMappedEndpoints> actuatorEndpoints;
    private volatile Map<Object, HandlerAccess> actuator = Map.of();

    public HandlerAccessResolver(ObjectProvider<AbstractWebFluxEndpointHandlerMapping> actuatorMappings,
            ObjectProvider<PathMappedEndpoints> actuatorEndpoints) {
        this.actuatorMappings = actuatorMappings;
        this.actuatorEndpoints = actuatorEndpoints;
    }

    @Override
    public void afterSingletonsInstantiated() {
        actuator = ActuatorAccess.of(actuatorMappings.orderedStream().toList(), actuatorEndpoints.getIfAvailable());
    }

    /** The access {@code handler} declares, or {@code null} when it declares none. */
    public HandlerAccess of(Object handler) {
        if (handler instanceof ScopedHandlerFunction scoped) {
            return scoped.access();
        }
        if (handler instanceof HandlerMethod method) {
            RequiredScope declared = method.getMethodAnnotation(RequiredScope.class);
            if (declared == null) {
                declared = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiredScope.class);
            }
            if (declared != null) {
                return HandlerAccess.of(declared);
            }
            if (method.getBeanType().getEnclosingClass() == RequestMappingInfoHandlerMapping.class) {
                // Spring's own answer to OPTIONS on a mapped path: an Allow header, as a 405 gives anyone.
                return HandlerAccess.PUBLIC;
            }
            return actuator.get(method.getBean());
        }
        return null;
    }
}
