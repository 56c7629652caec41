package ai.switchboard.gateway.it;

import org.springframework.test.context.TestPropertySource;

/**
 * The gateway with resilience limits small enough to reach in a handful of requests and well under a second:
 * circuits open after four calls and probe after 200 ms, streams stall after 500 ms of silence, and nothing is
 * retried on the same deployment (one request is one call). Subclasses share this one application context, apart
 * from the one every other {@link GatewayIT} shares.
 */
@TestPropertySource(properties = {
        "switchboard.routing.failure-rate-threshold=50",
        "switchboard.routing.sliding-window-size=4",
        "switchboard.routing.minimum-number-of-calls=4",
        "switchboard.routing.wait-in-open-state=200ms",
        "switchboard.routing.permitted-calls-in-half-open-state=1",
        "switchboard.routing.max-retries=0",
        "switchboard.routing.stream-idle-timeout=500ms",
})
abstract class SmallLimitsGatewayIT extends GatewayIT {
}
