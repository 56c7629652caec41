package ai.switchboard.gateway.api.support;

import ai.switchboard.routing.Deployment;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The {@code x-switchboard-*} headers that explain which deployment served a response. */
public final class GatewayHeaders {

    public static final String MODEL = "x-switchboard-model";
    public static final String PROVIDER = "x-switchboard-provider";
    public static final String ATTEMPTS = "x-switchboard-attempts";

    private GatewayHeaders() {
    }

    /** Adds the headers for a response served by {@code deployment} after {@code attempts} attempts. */
    public static ServerResponse.BodyBuilder describe(ServerResponse.BodyBuilder builder, Deployment deployment,
            int attempts) {
        return builder.header(MODEL, deployment.modelName())
                .header(PROVIDER, deployment.providerName())
                .header(ATTEMPTS, Integer.toString(attempts));
    }
}
