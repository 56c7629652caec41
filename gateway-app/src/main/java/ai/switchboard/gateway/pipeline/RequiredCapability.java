package ai.switchboard.gateway.pipeline;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.registry.Capability;
import ai.switchboard.routing.Capabilities;
import ai.switchboard.routing.Deployment;

/** The 400 a request gets when the model it names cannot do what the request needs. */
final class RequiredCapability {

    private RequiredCapability() {
    }

    static void require(Deployment deployment, String name, Capability capability) {
        if (!Capabilities.supports(deployment.model(), capability)) {
            throw new ApiException(400, "invalid_request_error", "The model '" + name + "' does not support "
                    + describe(capability) + ".", "model", "unsupported_capability");
        }
    }

    private static String describe(Capability capability) {
        return switch (capability) {
            case CHAT -> "chat completions";
            case COMPLETIONS -> "text completions";
            case EMBEDDINGS -> "embeddings";
            case STREAMING -> "streaming";
            case TOOLS -> "tools";
            case VISION -> "image input";
            case JSON -> "JSON response formats";
        };
    }
}
