package ai.switchboard.gateway.cache;

import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.routing.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key of a cached answer: the SHA-256 of one canonical text holding everything that changes the answer. That is
 * the API, whose entries the key may be read by (one team, or every team for a shared route), what the name resolved
 * to with the time it was last changed (so an edited model or route never serves answers of its earlier self), and
 * the request itself in {@link CanonicalJson} form: messages, tools, tool_choice, response_format, sampling
 * parameters, n, seed, stop, logit_bias, reasoning settings and any field the gateway does not know yet.
 *
 * <p>Left out are the fields that change only how the answer is delivered or who is billed for it, never what it
 * says: {@code model} (replaced by the resolved target), {@code stream}, {@code stream_options} and {@code user}.
 */
public final class CacheKeys {

    /** Bumped when the canonical form changes, so entries written by another version are never read as this one's. */
    private static final String VERSION = "switchboard-cache-v1";

    private static final Set<String> DELIVERY_FIELDS = Set.of("model", "stream", "stream_options", "user");

    private CacheKeys() {
    }

    /**
     * @param request the parsed wire request (a {@code ChatRequest}, an {@code EmbeddingRequest})
     * @param shared whether every team reads the entry (a route's policy said so)
     */
    public static String of(Api api, ApiKeyRecord caller, boolean shared, Target target, Object request) {
        StringBuilder text = new StringBuilder(512)
                .append(VERSION).append('\n')
                .append(api.name()).append('\n')
                .append(scope(caller, shared)).append('\n')
                .append(target(target)).append('\n');
        canonicalRequest(request, text);
        return sha256(text.toString());
    }

    /** The request's canonical text, without the fields that only change delivery. */
    static String canonicalRequest(Object request) {
        StringBuilder text = new StringBuilder(256);
        canonicalRequest(request, text);
        return text.toString();
    }

    private static void canonicalRequest(Object request, StringBuilder text) {
        if (request instanceof CacheableRequest other) {
            request = other.keyed().get();
        }
        JsonNode tree = WireJson.mapper().valueToTree(request);
        if (tree instanceof ObjectNode object) {
            object.remove(DELIVERY_FIELDS);
        }
        CanonicalJson.write(tree, text);
    }

    /** One team's entries, or one key's for a key without a team; every team's for a shared route. */
    private static String scope(ApiKeyRecord caller, boolean shared) {
        if (shared) {
            return "shared";
        }
        return caller.teamId() != null ? "team:" + caller.teamId() : "key:" + caller.id();
    }

    private static String target(Target target) {
        return switch (target) {
            case Target.Route route -> "route:" + route.route().id() + "@" + route.route().updatedEpochMilli();
            case Target.Model model -> "model:" + model.deployment().model().id() + "@"
                    + model.deployment().model().updatedEpochMilli();
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
