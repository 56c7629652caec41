package ai.switchboard.providers.api;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call to a native Anthropic Messages API: the client's body as it sent it and the protocol headers it sent with
 * it. Never carries the client's credentials; the provider's own are added by the adapter.
 *
 * @param body the request body; the adapter sends it as is, so {@code model} must already be the upstream id
 * @param version the client's {@code anthropic-version}, or {@code null} for the provider's configured one
 * @param betas the client's {@code anthropic-beta} values, in order and without duplicates
 */
public record AnthropicMessagesCall(ObjectNode body, String version, List<String> betas) {

    public AnthropicMessagesCall {
        Objects.requireNonNull(body, "body");
        betas = betas == null ? List.of() : List.copyOf(betas);
    }

    /**
     * A call addressed to {@code upstreamModel}. The copy is shallow: the body's other members are shared, not copied,
     * so rewriting the model of a large conversation costs one small object per attempt.
     */
    public AnthropicMessagesCall withModel(String upstreamModel) {
        ObjectNode addressed = body.objectNode();
        addressed.setAll(body);
        addressed.put("model", upstreamModel);
        return new AnthropicMessagesCall(addressed, version, betas);
    }
}
