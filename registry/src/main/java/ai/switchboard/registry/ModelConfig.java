package ai.switchboard.registry;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A model deployment as the request path sees it: the public name clients use, and where it is served.
 *
 * @param name the public name clients send as {@code model}
 * @param providerName the provider that serves it
 * @param upstreamModel the model id sent to the provider
 * @param inputPricePerMtok USD per million input tokens, or {@code null} when unknown
 * @param outputPricePerMtok USD per million output tokens, or {@code null} when unknown
 * @param updatedEpochMilli changes on every update, so what was derived from the model (a cached answer) can be
 *     told apart from what its next version would give
 */
public record ModelConfig(
        UUID id,
        String name,
        String providerName,
        String upstreamModel,
        String version,
        Set<Capability> capabilities,
        Integer contextWindow,
        Integer maxOutputTokens,
        BigDecimal inputPricePerMtok,
        BigDecimal outputPricePerMtok,
        Set<String> tags,
        boolean enabled,
        long createdEpochSecond,
        long updatedEpochMilli) {

    public ModelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** A model whose update time is not known (tests, a snapshot built by hand). */
    public ModelConfig(UUID id, String name, String providerName, String upstreamModel, String version,
            Set<Capability> capabilities, Integer contextWindow, Integer maxOutputTokens, BigDecimal inputPricePerMtok,
            BigDecimal outputPricePerMtok, Set<String> tags, boolean enabled, long createdEpochSecond) {
        this(id, name, providerName, upstreamModel, version, capabilities, contextWindow, maxOutputTokens,
                inputPricePerMtok, outputPricePerMtok, tags, enabled, createdEpochSecond, 0);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }
}
