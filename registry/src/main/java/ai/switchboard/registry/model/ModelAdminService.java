package ai.switchboard.registry.model;

import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.agent.AgentReferences;
import ai.switchboard.registry.provider.ProviderEntity;
import ai.switchboard.registry.provider.ProviderRepository;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.route.RouteTargets;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes models. Blocking (JPA): call it on the {@code registryScheduler}. Every change
 * is audited, bumps the registry revision and is in the snapshot when the method returns; a write that changes
 * nothing does none of that. A model a route targets, or an agent plans with, can be neither deleted nor renamed.
 */
@Service
@Transactional
public class ModelAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "model";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("version", "context_window", "max_output_tokens",
            "input_price_per_mtok", "output_price_per_mtok");

    private final ModelRepository models;
    private final ProviderRepository providers;
    private final RouteRepository routes;
    private final RouteTargets routeTargets;
    private final AgentReferences agents;
    private final RegistryChangeRecorder changes;

    public ModelAdminService(ModelRepository models, ProviderRepository providers, RouteRepository routes,
            RouteTargets routeTargets, AgentReferences agents, RegistryChangeRecorder changes) {
        this.models = models;
        this.providers = providers;
        this.routes = routes;
        this.routeTargets = routeTargets;
        this.agents = agents;
        this.changes = changes;
    }

    public ModelView create(ModelCreateCommand command, String actor) {
        FieldErrors errors = new FieldErrors()
                .required("name", command.name())
                .required("provider", command.provider())
                .required("upstream_model", command.upstreamModel());
        ModelRules.check(errors, command.name(), command.upstreamModel(), command.version(),
                command.contextWindow(), command.maxOutputTokens(), command.inputPricePerMtok(),
                command.outputPricePerMtok());
        ModelRules.outputFits(errors, command.contextWindow(), command.maxOutputTokens());
        List<String> capabilities = ModelRules.capabilities(errors, command.capabilities());
        List<String> tags = ModelRules.tags(errors, command.tags());
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

    /** Changes the given fields and removes the cleared ones; a change to nothing records and bumps nothing. */
    public ModelView update(String idOrName, ModelUpdateCommand command, String actor) {
        ModelEntity model = find(idOrName);
        Map<String, Object> before = RegistryChangeRecorder.state(model.getName(), describe(model));
        FieldErrors errors = new FieldErrors();
        ModelRules.check(errors, command.name(), command.upstreamModel(), command.version(),
                command.contextWindow(), command.maxOutputTokens(), command.inputPricePerMtok(),
                command.outputPricePerMtok());
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        List<String> capabilities = command.capabilities() == null ? null
                : ModelRules.capabilities(errors, command.capabilities());
        List<String> tags = command.tags() == null ? null : ModelRules.tags(errors, command.tags());
        ProviderEntity provider = command.provider() == null ? null : provider(errors, command.provider());
        Updated next = new Updated(model, command);
        ModelRules.outputFits(errors, next.contextWindow(), next.maxOutputTokens());
        boolean renamed = command.name() != null && !command.name().equals(model.getName());
        if (renamed) {
            routeNameTaken(errors, command.name());
        }
        errors.throwIfAny();
        if (renamed) {
            if (models.existsByName(command.name())) {
                throw duplicate(command.name());
            }
            refuseIfTargeted(model, "renamed; rename it there first");
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        if (renamed) {
            changed.put("previous_name", model.getName());
            model.setName(command.name());
            changed.put("name", command.name());
        }
        if (provider != null && !provider.getId().equals(model.getProvider().getId())) {
            model.setProvider(provider);
            changed.put("provider", provider.getName());
        }
        if (command.upstreamModel() != null && !command.upstreamModel().equals(model.getUpstreamModel())) {
            model.setUpstreamModel(command.upstreamModel());
            changed.put("upstream_model", command.upstreamModel());
        }
        if (!Objects.equals(next.version(), model.getVersion())) {
            model.setVersion(next.version());
            changed.put("version", next.version());
        }
        if (capabilities != null && !capabilities.equals(model.getCapabilities())) {
            model.setCapabilities(capabilities);
            changed.put("capabilities", capabilities);
        }
        if (!Objects.equals(next.contextWindow(), model.getContextWindow())) {
            model.setContextWindow(next.contextWindow());
            changed.put("context_window", next.contextWindow());
        }
        if (!Objects.equals(next.maxOutputTokens(), model.getMaxOutputTokens())) {
            model.setMaxOutputTokens(next.maxOutputTokens());
            changed.put("max_output_tokens", next.maxOutputTokens());
        }
        if (ModelRules.pricesDiffer(next.inputPrice(), model.getInputPricePerMtok())) {
            model.setInputPricePerMtok(next.inputPrice());
            changed.put("input_price_per_mtok", plain(next.inputPrice()));
        }
        if (ModelRules.pricesDiffer(next.outputPrice(), model.getOutputPricePerMtok())) {
            model.setOutputPricePerMtok(next.outputPrice());
            changed.put("output_price_per_mtok", plain(next.outputPrice()));
        }
        if (tags != null && !tags.equals(model.getTags())) {
            model.setTags(tags);
            changed.put("tags", tags);
        }
        if (command.enabled() != null && command.enabled() != model.isEnabled()) {
            model.setEnabled(command.enabled());
            changed.put("enabled", command.enabled());
        }
        if (changed.isEmpty()) {
            return ModelView.of(model);
        }
        Instant now = Instant.now();
        model.touch(now);
        save(model);
        changes.recordChange(actor, "update", ENTITY, model.getId(), model.getName(), before,
                RegistryChangeRecorder.state(model.getName(), describe(model)), now);
        return ModelView.of(model);
    }

    /** Deletes the model, unless a route still targets it or an agent plans with it (409 naming them). */
    public void delete(String idOrName, String actor) {
        ModelEntity model = find(idOrName);
        refuseIfTargeted(model, "deleted; remove it from them first");
        models.delete(model);
        models.flush();
        changes.recordChange(actor, "delete", ENTITY, model.getId(), model.getName(),
                RegistryChangeRecorder.state(model.getName(), describe(model)), null, Instant.now());
    }

    private void refuseIfTargeted(ModelEntity model, String advice) {
        List<String> users = routeTargets.routesTargeting(model.getName());
        if (!users.isEmpty()) {
            throw new RegistryConflictException("Model '" + model.getName() + "' is targeted by routes " + users
                    + " and cannot be " + advice);
        }
        List<String> planners = agents.agentsUsing(model.getName());
        if (!planners.isEmpty()) {
            throw new RegistryConflictException("Model '" + model.getName() + "' is the model of agents " + planners
                    + " and cannot be " + advice);
        }
    }

    private ModelEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? models.findWithProviderById(id) : models.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    /**
     * Clients name models and routes in the same {@code model} field, so the two share one namespace, where
     * {@code agent:} starts the names of agents.
     */
    private void routeNameTaken(FieldErrors errors, String name) {
        if (AgentConfig.isAgentModel(name)) {
            errors.add("name", "must not start with '" + AgentConfig.MODEL_PREFIX + "', which names agents");
        } else if (name != null && routes.existsByName(name)) {
            errors.add("name", "a route is already named '" + name + "'");
        }
    }

    private ProviderEntity provider(FieldErrors errors, String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        Optional<ProviderEntity> provider = id != null ? providers.findById(id) : providers.findByName(idOrName);
        if (provider.isEmpty()) {
            errors.add("provider", "no provider with this name or id");
            return null;
        }
        return provider.get();
    }

    private void save(ModelEntity model) {
        ColumnLimits.check(model);
        try {
            models.saveAndFlush(model);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, model.getName(), model);
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A model named '" + name + "' already exists", "name");
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

    /** The optional values the model will have after {@code command}: given, removed, or as stored. */
    private record Updated(String version, Integer contextWindow, Integer maxOutputTokens, BigDecimal inputPrice,
            BigDecimal outputPrice) {

        Updated(ModelEntity model, ModelUpdateCommand command) {
            this(next(command, "version", command.version(), model.getVersion()),
                    next(command, "context_window", command.contextWindow(), model.getContextWindow()),
                    next(command, "max_output_tokens", command.maxOutputTokens(), model.getMaxOutputTokens()),
                    next(command, "input_price_per_mtok", command.inputPricePerMtok(), model.getInputPricePerMtok()),
                    next(command, "output_price_per_mtok", command.outputPricePerMtok(),
                            model.getOutputPricePerMtok()));
        }

        private static <T> T next(ModelUpdateCommand command, String field, T given, T stored) {
            return command.clear().contains(field) ? null : given != null ? given : stored;
        }
    }
}
