package ai.switchboard.registry.model;

import ai.switchboard.registry.Capability;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.provider.ProviderEntity;
import ai.switchboard.registry.provider.ProviderRepository;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes models. Blocking (JPA): call it on the {@code registryScheduler}. Every change
 * is audited, bumps the registry revision and is in the snapshot when the method returns.
 */
@Service
@Transactional
public class ModelAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "model";

    private final ModelRepository models;
    private final ProviderRepository providers;
    private final RouteRepository routes;
    private final RegistryChangeRecorder changes;

    public ModelAdminService(ModelRepository models, ProviderRepository providers, RouteRepository routes,
            RegistryChangeRecorder changes) {
        this.models = models;
        this.providers = providers;
        this.routes = routes;
        this.changes = changes;
    }

    public ModelView create(ModelCreateCommand command, String actor) {
        FieldErrors errors = new FieldErrors()
                .required("name", command.name()).name("name", command.name())
                .required("provider", command.provider())
                .required("upstream_model", command.upstreamModel());
        checkCommon(errors, command.upstreamModel(), command.version(), command.contextWindow(),
                command.maxOutputTokens(), command.inputPricePerMtok(), command.outputPricePerMtok());
        List<String> capabilities = capabilities(errors, command.capabilities());
        List<String> tags = tags(errors, command.tags());
        ProviderEntity provider = command.provider() == null ? null : provider(errors, command.provider());
        routeNameTaken(errors, command.name());
        errors.throwIfAny();
        if (models.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = Instant.now();
        ModelEntity model = new ModelEntity(UUID.randomUUID(), command.name(), now);
        model.setProvider(provider);
        model.setUpstreamModel(command.upstreamModel());
        model.setVersion(command.version());
        model.setCapabilities(capabilities);
        model.setContextWindow(command.contextWindow());
        model.setMaxOutputTokens(command.maxOutputTokens());
        model.setInputPricePerMtok(command.inputPricePerMtok());
        model.setOutputPricePerMtok(command.outputPricePerMtok());
        model.setTags(tags);
        model.setEnabled(command.enabled() == null || command.enabled());
        save(model);
        changes.record(actor, "create", ENTITY, model.getId(), model.getName(), describe(model), now);
        return ModelView.of(model);
    }

    @Transactional(readOnly = true)
    public List<ModelView> list() {
        return models.findAllByOrderByNameAsc().stream().map(ModelView::of).toList();
    }

    @Transactional(readOnly = true)
    public ModelView get(String idOrName) {
        return ModelView.of(find(idOrName));
    }

    public ModelView update(String idOrName, ModelUpdateCommand command, String actor) {
        ModelEntity model = find(idOrName);
        FieldErrors errors = new FieldErrors().name("name", command.name());
        checkCommon(errors, command.upstreamModel(), command.version(), command.contextWindow(),
                command.maxOutputTokens(), command.inputPricePerMtok(), command.outputPricePerMtok());
        List<String> capabilities = command.capabilities() == null ? null : capabilities(errors, command.capabilities());
        List<String> tags = command.tags() == null ? null : tags(errors, command.tags());
        ProviderEntity provider = command.provider() == null ? null : provider(errors, command.provider());
        routeNameTaken(errors, command.name());
        errors.throwIfAny();
        if (command.name() != null && !command.name().equals(model.getName()) && models.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (command.name() != null && !command.name().equals(model.getName())) {
            changed.put("previous_name", model.getName());
            model.setName(command.name());
            changed.put("name", command.name());
        }
        if (provider != null) {
            model.setProvider(provider);
            changed.put("provider", provider.getName());
        }
        if (command.upstreamModel() != null) {
            model.setUpstreamModel(command.upstreamModel());
            changed.put("upstream_model", command.upstreamModel());
        }
        if (command.version() != null) {
            model.setVersion(command.version());
            changed.put("version", command.version());
        }
        if (capabilities != null) {
            model.setCapabilities(capabilities);
            changed.put("capabilities", capabilities);
        }
        if (command.contextWindow() != null) {
            model.setContextWindow(command.contextWindow());
            changed.put("context_window", command.contextWindow());
        }
        if (command.maxOutputTokens() != null) {
            model.setMaxOutputTokens(command.maxOutputTokens());
            changed.put("max_output_tokens", command.maxOutputTokens());
        }
        if (command.inputPricePerMtok() != null) {
            model.setInputPricePerMtok(command.inputPricePerMtok());
            changed.put("input_price_per_mtok", command.inputPricePerMtok().toPlainString());
        }
        if (command.outputPricePerMtok() != null) {
            model.setOutputPricePerMtok(command.outputPricePerMtok());
            changed.put("output_price_per_mtok", command.outputPricePerMtok().toPlainString());
        }
        if (tags != null) {
            model.setTags(tags);
            changed.put("tags", tags);
        }
        if (command.enabled() != null) {
            model.setEnabled(command.enabled());
            changed.put("enabled", command.enabled());
        }
        Instant now = Instant.now();
        model.touch(now);
        save(model);
        changes.record(actor, "update", ENTITY, model.getId(), model.getName(), changed, now);
        return ModelView.of(model);
    }

    public void delete(String idOrName, String actor) {
        ModelEntity model = find(idOrName);
        models.delete(model);
        models.flush();
        changes.record(actor, "delete", ENTITY, model.getId(), model.getName(), Map.of(), Instant.now());
    }

    private ModelEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? models.findWithProviderById(id) : models.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    /** Clients name models and routes in the same {@code model} field, so the two share one namespace. */
    private void routeNameTaken(FieldErrors errors, String name) {
        if (name != null && routes.existsByName(name)) {
            errors.add("name", "a route is already named '" + name + "'");
        }
    }

    private ProviderEntity provider(FieldErrors errors, String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        Optional<ProviderEntity> provider = id != null ? providers.findById(id) : providers.findByName(idOrName);
        if (provider.isEmpty()) {
            errors.add("provider", "no provider named '" + idOrName + "'");
            return null;
        }
        return provider.get();
    }

    private static void checkCommon(FieldErrors errors, String upstreamModel, String version, Integer contextWindow,
            Integer maxOutputTokens, BigDecimal inputPrice, BigDecimal outputPrice) {
        errors.notBlank("upstream_model", upstreamModel, 256)
                .notBlank("version", version, 128)
                .positive("context_window", contextWindow)
                .positive("max_output_tokens", maxOutputTokens)
                .notNegative("input_price_per_mtok", inputPrice)
                .notNegative("output_price_per_mtok", outputPrice);
    }

    /** Validates and normalises capability names to their wire form, dropping duplicates. */
    private static List<String> capabilities(FieldErrors errors, List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                try {
                    result.add(Capability.fromWire(value).wireName());
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add("capabilities[" + i + "]", "unknown capability '" + value + "'; expected one of "
                            + Arrays.stream(Capability.values()).map(Capability::wireName).toList());
                }
            }
        }
        return new ArrayList<>(result);
    }

    private static List<String> tags(FieldErrors errors, List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                String tag = values.get(i);
                if (tag == null || tag.isBlank() || tag.length() > 64) {
                    errors.add("tags[" + i + "]", "must be 1 to 64 characters");
                } else {
                    result.add(tag);
                }
            }
        }
        return new ArrayList<>(result);
    }

    private void save(ModelEntity model) {
        try {
            models.saveAndFlush(model);
        } catch (DataIntegrityViolationException e) {
            throw duplicate(model.getName());
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A model named '" + name + "' already exists");
    }

    private static Map<String, Object> describe(ModelEntity m) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("provider", m.getProvider().getName());
        detail.put("upstream_model", m.getUpstreamModel());
        detail.put("version", m.getVersion());
        detail.put("capabilities", m.getCapabilities());
        detail.put("context_window", m.getContextWindow());
        detail.put("max_output_tokens", m.getMaxOutputTokens());
        detail.put("input_price_per_mtok", plain(m.getInputPricePerMtok()));
        detail.put("output_price_per_mtok", plain(m.getOutputPricePerMtok()));
        detail.put("tags", m.getTags());
        detail.put("enabled", m.isEnabled());
        return detail;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
