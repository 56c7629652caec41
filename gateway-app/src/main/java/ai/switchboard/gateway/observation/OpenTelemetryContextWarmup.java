package ai.switchboard.gateway.observation;

import io.opentelemetry.context.Context;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Initialises OpenTelemetry's context storage at start-up. Its first use looks up storage providers with a
 * ServiceLoader (jar reads); left lazy, that happens when the first request's server span starts, on a Netty
 * event-loop thread, which BlockHound rightly reports as blocking.
 */
@Component
class OpenTelemetryContextWarmup implements SmartInitializingSingleton {

    @Override
    public void afterSingletonsInstantiated() {
        Context.current();
    }
}
