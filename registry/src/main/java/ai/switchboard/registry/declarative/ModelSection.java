package ai.switchboard.registry.declarative;

import ai.switchboard.registry.Capability;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.model.ModelAdminService;
import ai.switchboard.registry.model.ModelCreateCommand;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.model.ModelUpdateCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code models:} — matched by name, after providers so a model may name a provider declared in the same file. */
@Component
class ModelSection implements DeclarativeSection {

    private static final ModelUpdateCommand NO_CHANGE = new ModelUpdateCommand(null, null, null, null, null, null,
            null, null, null, null, null, Set.of());

    private final ModelRepository models;
    private final ModelAdminService service;

    ModelSection(ModelRepository models, ModelAdminService service) {
        this.models = models;
        this.service = service;
    }

    @Override
    public String key() {
        return "models";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            ModelEntry entry = context.bind(entries.get(i), path, ModelEntry.class, ModelEntry.FIELDS, Set.of());
            if (entry == null) {
                continue;
            }
            try {
                result = result.plus(upsert(entry, context.actor()));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(ModelEntry e, String actor) {
        Optional<ModelEntity> found = e.name() == null ? Optional.empty() : models.findByName(e.name());
        if (found.isEmpty()) {
            service.create(new ModelCreateCommand(e.name(), e.provider(), e.upstreamModel(), e.version(),
                    e.capabilities(), e.contextWindow(), e.maxOutputTokens(), e.inputPricePerMtok(),
                    e.outputPricePerMtok(), e.tags(), e.enabled()), actor);
            return SectionResult.ofCreated();
        }
        ModelEntity m = found.get();
        ModelUpdateCommand update = new ModelUpdateCommand(null,
                differs(e.provider(), m.getProvider().getName()),
                differs(e.upstreamModel(), m.getUpstreamModel()),
                differs(e.version(), m.getVersion()),
                e.capabilities() == null || normalised(e.capabilities()).equals(m.getCapabilities()) ? null
                        : e.capabilities(),
                differs(e.contextWindow(), m.getContextWindow()),
                differs(e.maxOutputTokens(), m.getMaxOutputTokens()),
                differsNumerically(e.inputPricePerMtok(), m.getInputPricePerMtok()),
                differsNumerically(e.outputPricePerMtok(), m.getOutputPricePerMtok()),
                e.tags() == null || e.tags().stream().distinct().toList().equals(m.getTags()) ? null : e.tags(),
                differs(e.enabled(), m.isEnabled()), Set.of());
        if (update.equals(NO_CHANGE)) {
            return SectionResult.ofUnchanged();
        }
        service.update(m.getName(), update, actor);
        return SectionResult.ofUpdated();
    }

    /** Capabilities as the service stores them (wire names, no duplicates); unknown ones count as a change. */
    private static List<String> normalised(List<String> capabilities) {
        try {
            return capabilities.stream().map(c -> Capability.fromWire(c).wireName()).distinct().toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of("\0invalid"); // never equal: the service then reports the bad value
        }
    }

    private static <T> T differs(T wanted, T current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    private static BigDecimal differsNumerically(BigDecimal wanted, BigDecimal current) {
        return wanted == null || (current != null && wanted.compareTo(current) == 0) ? null : wanted;
    }

    @Override
    public List<ModelEntry> export() {
        return models.findAllByOrderByNameAsc().stream().map(m -> new ModelEntry(m.getName(),
                m.getProvider().getName(), m.getUpstreamModel(), m.getVersion(), List.copyOf(m.getCapabilities()),
                m.getContextWindow(), m.getMaxOutputTokens(), m.getInputPricePerMtok(), m.getOutputPricePerMtok(),
                List.copyOf(m.getTags()), m.isEnabled())).toList();
    }

    @Override
    public String historyType() {
        return ModelAdminService.ENTITY;
    }
}
