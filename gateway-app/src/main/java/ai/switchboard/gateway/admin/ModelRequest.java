package ai.switchboard.gateway.admin;

import ai.switchboard.registry.model.ModelCreateCommand;
import ai.switchboard.registry.model.ModelUpdateCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST} and {@code PATCH /admin/v1/models}; {@code provider} is a provider name or id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ModelRequest(
        String name,
        String provider,
        String upstreamModel,
        String version,
        List<String> capabilities,
        Integer contextWindow,
        Integer maxOutputTokens,
        BigDecimal inputPricePerMtok,
        BigDecimal outputPricePerMtok,
        List<String> tags,
        Boolean enabled) {

    ModelCreateCommand toCreate() {
        return new ModelCreateCommand(name, provider, upstreamModel, version, capabilities, contextWindow,
                maxOutputTokens, inputPricePerMtok, outputPricePerMtok, tags, enabled);
    }

    /** @param clear the optional fields the PATCH sent as {@code null} */
    ModelUpdateCommand toUpdate(Set<String> clear) {
        return new ModelUpdateCommand(name, provider, upstreamModel, version, capabilities, contextWindow,
                maxOutputTokens, inputPricePerMtok, outputPricePerMtok, tags, enabled, clear);
    }
}
