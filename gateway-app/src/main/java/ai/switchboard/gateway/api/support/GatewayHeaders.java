package ai.switchboard.gateway.api.support;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RoutingTrace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The {@code x-switchboard-*} headers that explain which route, deployment and how many attempts served a response.
 * With {@code x-switchboard-debug: true} from an admin-scoped key, {@value #DEBUG_TRACE} carries the decision trace
 * as one line of JSON ({@code route}, {@code decisions}, {@code attempts}); a header rather than a body field so
 * JSON answers and streams carry it alike and SDKs see an unchanged body.
 */
public final class GatewayHeaders {

    public static final String ROUTE = "x-switchboard-route";
    public static final String MODEL = "x-switchboard-model";
    /** The registry's version of the model that answered, when it records one. */
    public static final String MODEL_VERSION = "x-switchboard-model-version";
    public static final String PROVIDER = "x-switchboard-provider";
    public static final String ATTEMPTS = "x-switchboard-attempts";
    public static final String DEBUG = "x-switchboard-debug";
    public static final String DEBUG_TRACE = "x-switchboard-debug-trace";
    public static final String TAGS = "x-switchboard-tags";
    /** On a request: {@code bypass} or {@code refresh}; on an answer: {@code hit}, {@code miss} or {@code bypass}. */
    public static final String CACHE = "x-switchboard-cache";
    /** Prompt and completion tokens spent on answers consumed inside the gateway (cascade steps, ensembles). */
    public static final String EXTRA_TOKENS = "x-switchboard-extra-tokens";

    private GatewayHeaders() {
    }

    /** Adds the headers for a response served by {@code deployment} after {@code attempts} attempts. */
    public static ServerResponse.BodyBuilder describe(ServerResponse.BodyBuilder builder, Deployment deployment,
            int attempts) {
        builder.header(MODEL, deployment.modelName())
                .header(PROVIDER, deployment.providerName())
                .header(ATTEMPTS, Integer.toString(attempts));
        String version = deployment.model().version();
        return version == null ? builder : builder.header(MODEL_VERSION, version);
    }

    /** Writes what {@code trace} knows; a stream calls it just before its headers are sent. */
    public static void describe(HttpHeaders headers, RoutingTrace trace, boolean debug) {
        Deployment served = trace.served();
        if (trace.route() != null) {
            headers.set(ROUTE, trace.route());
        }
        if (served != null) {
            headers.set(MODEL, served.modelName());
            headers.set(PROVIDER, served.providerName());
            String version = served.model().version();
            if (version != null) {
                headers.set(MODEL_VERSION, version);
            }
        }
        headers.set(ATTEMPTS, Integer.toString(trace.attemptCount()));
        long extra = trace.extraPromptTokens() + trace.extraCompletionTokens();
        if (extra > 0) {
            headers.set(EXTRA_TOKENS, Long.toString(extra));
        }
        if (debug) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("route", trace.route());
            detail.put("decisions", trace.decisions());
            detail.put("attempts", trace.attempts());
            headers.set(DEBUG_TRACE, WireJson.mapper().writeValueAsString(detail));
        }
    }
}
