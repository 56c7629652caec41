package ai.switchboard.registry.budget;

import ai.switchboard.registry.BudgetPeriod;
import ai.switchboard.registry.BudgetScope;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.key.ApiKeyEntity;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.route.RouteEntity;
import ai.switchboard.registry.route.RouteRepository;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes budget definitions. Blocking (JPA): call it on the {@code registryScheduler}.
 * What a budget has spent is not here (it is kept per period by the gateway's budget ledger); a definition change is
 * audited and live on every replica when the method returns, like every registry write.
 */
@Service
@Transactional
public class BudgetAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "budget";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("soft_threshold_percent");

    /** The largest limit: a billion dollars keeps every amount exact in nano-dollars within a long. */
    public static final BigDecimal MAX_LIMIT = new BigDecimal("1000000000");

    private static final int LIMIT_SCALE = 9;

    private final BudgetRepository budgets;
    private final ApiKeyRepository keys;
    private final TeamRepository teams;
    private final ModelRepository models;
    private final RouteRepository routes;
    private final RegistryChangeRecorder changes;

    public BudgetAdminService(BudgetRepository budgets, ApiKeyRepository keys, TeamRepository teams,
            ModelRepository models, RouteRepository routes, RegistryChangeRecorder changes) {
        this.budgets = budgets;
        this.keys = keys;
        this.teams = teams;
        this.models = models;
        this.routes = routes;
        this.changes = changes;
    }

    public BudgetView create(BudgetCommand command, KeyGrantor grantor) {
        FieldErrors errors = new FieldErrors()
                .required("name", command.name())
                .required("scope_type", command.scopeType())
                .required("scope", command.scope())
                .required("period", command.period())
                .required("limit_usd", command.limitUsd());
        check(errors, command);
        UUID scopeId = resolveScope(errors, command.scopeType(), command.scope(), grantor);
        errors.throwIfAny();
        checkManages(grantor, command.scopeType(), scopeId);
        checkWithinOwn(grantor, command.period(), command.limitUsd(), true);
        if (budgets.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = now();
        BudgetEntity budget = new BudgetEntity(UUID.randomUUID(), command.name(), now);
        budget.setScope(command.scopeType(), scopeId);
        budget.setPeriod(command.period());
        budget.setLimitUsd(command.limitUsd());
        budget.setSoftThresholdPercent(command.softThresholdPercent());
        budget.setEnabled(command.enabled() == null || command.enabled());
        save(budget);
        changes.recordChange(grantor.actor(), "create", ENTITY, budget.getId(), budget.getName(), null,
                state(budget), now);
        return view(budget);
    }

    /** Every budget the grantor may see: all of them, or for a team administrator its team's and its keys'. */
    @Transactional(readOnly = true)
    public List<BudgetView> list(KeyGrantor grantor) {
        return budgets.findAllByOrderByNameAsc().stream().filter(budget -> sees(grantor, budget)).map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public BudgetView get(String idOrName, KeyGrantor grantor) {
        return view(find(idOrName, grantor));
    }

    /** Changes the given fields and removes the cleared ones; a change to nothing records and bumps nothing. */
    public BudgetView update(String idOrName, BudgetCommand command, KeyGrantor grantor) {
        BudgetEntity budget = find(idOrName, grantor);
        checkManages(grantor, budget.getScopeType(), budget.getScopeId());
        FieldErrors errors = new FieldErrors();
        check(errors, command);
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        if (command.scopeType() != null && command.scope() == null) {
            errors.add("scope", "is required when scope_type changes");
        }
        String scopeType = command.scopeType() != null ? command.scopeType() : budget.getScopeType();
        UUID scopeId = command.scope() == null ? null : resolveScope(errors, scopeType, command.scope(), grantor);
        errors.throwIfAny();
        if (scopeId != null) {
            checkManages(grantor, scopeType, scopeId);
        }
        checkWithinOwn(grantor, command.period() != null ? command.period() : budget.getPeriod(),
                command.limitUsd() != null ? command.limitUsd() : budget.getLimitUsd(),
                command.enabled() != null ? command.enabled() : budget.isEnabled());
        boolean renamed = command.name() != null && !command.name().equals(budget.getName());
        if (renamed && budgets.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Map<String, Object> before = state(budget);
        if (renamed) {
            budget.setName(command.name());
        }
        if (scopeId != null) {
            budget.setScope(scopeType, scopeId);
        }
        if (command.period() != null) {
            budget.setPeriod(command.period());
        }
        if (command.limitUsd() != null && command.limitUsd().compareTo(budget.getLimitUsd()) != 0) {
            budget.setLimitUsd(command.limitUsd());
        }
        if (command.clear().contains("soft_threshold_percent")) {
            budget.setSoftThresholdPercent(null);
        } else if (command.softThresholdPercent() != null) {
            budget.setSoftThresholdPercent(command.softThresholdPercent());
        }
        if (command.enabled() != null) {
            budget.setEnabled(command.enabled());
        }
        Map<String, Object> after = state(budget);
        if (after.equals(before)) {
            return view(budget);
        }
        Instant now = now();
        budget.touch(now);
        save(budget);
        changes.recordChange(grantor.actor(), "update", ENTITY, budget.getId(), budget.getName(), before, after,
                now);
        return view(budget);
    }

    public void delete(String idOrName, KeyGrantor grantor) {
        BudgetEntity budget = find(idOrName, grantor);
        checkManages(grantor, budget.getScopeType(), budget.getScopeId());
        Map<String, Object> before = state(budget);
        budgets.delete(budget);
        budgets.flush();
        changes.recordChange(grantor.actor(), "delete", ENTITY, budget.getId(), budget.getName(), before, null,
                Instant.now());
    }

    /**
     * Whether the grantor may read a budget: an administrator or a viewer reads every one, a team administrator its
     * own team's and its team's keys' (model and route budgets are the organisation's).
     */
    private boolean sees(KeyGrantor grantor, BudgetEntity budget) {
        if (!grantor.teamBound() || grantor.scopes().contains(KeyScope.VIEWER)) {
            return true;
        }
        return switch (BudgetScope.fromWire(budget.getScopeType())) {
            case TEAM -> budget.getScopeId().equals(grantor.teamId());
            case KEY -> grantor.teamId() != null && grantor.teamId().equals(keyTeam(budget.getScopeId()));
            case null, default -> false;
        };
    }

    /**
     * Refuses a budget the grantor may not set: a team administrator sets budgets on its team's keys only, never on
     * its own key or its team (either would let it lift its own cap).
     */
    private void checkManages(KeyGrantor grantor, String scopeType, UUID scopeId) {
        if (!grantor.teamBound()) {
            return;
        }
        if (BudgetScope.fromWire(scopeType) != BudgetScope.KEY) {
            throw new RegistryForbiddenException("scope_type", "A team administrator sets budgets on its team's keys;"
                    + " team, model and route budgets are set by an administrator");
        }
        if (!grantor.managesLimitsOf(scopeId, keyTeam(scopeId))) {
            throw new RegistryForbiddenException("scope", scopeId.equals(grantor.keyId())
                    ? "A key cannot change its own budget" : "The key is not one of this team's keys");
        }
    }

    /**
     * Refuses giving a key more budget than its grantor has: a team administrator's limit for a period is at most each
     * enabled budget of the same period on its own key and on its team.
     */
    private void checkWithinOwn(KeyGrantor grantor, String period, BigDecimal limit, boolean enabled) {
        if (!grantor.teamBound() || !enabled || period == null || limit == null) {
            return;
        }
        for (BudgetEntity own : budgets.findAllByOrderByNameAsc()) {
            BudgetScope scope = BudgetScope.fromWire(own.getScopeType());
            boolean grantorsOwn = scope == BudgetScope.KEY && own.getScopeId().equals(grantor.keyId())
                    || scope == BudgetScope.TEAM && own.getScopeId().equals(grantor.teamId());
            if (grantorsOwn && own.isEnabled() && period.equals(own.getPeriod())
                    && limit.compareTo(own.getLimitUsd()) > 0) {
                throw new RegistryForbiddenException("limit_usd", "A key cannot be given more than its grantor's own "
                        + period + " budget '" + own.getName() + "' ($" + plain(own.getLimitUsd()).toPlainString()
                        + ")");
            }
        }
    }

    private UUID keyTeam(UUID keyId) {
        return keys.findById(keyId).map(ApiKeyEntity::getTeamId).orElse(null);
    }

    /** The name of what a budget watches, or {@code null} when it is gone. */
    @Transactional(readOnly = true)
    public String scopeName(BudgetEntity budget) {
        UUID id = budget.getScopeId();
        return switch (BudgetScope.fromWire(budget.getScopeType())) {
            case KEY -> keys.findById(id).map(ApiKeyEntity::getName).orElse(null);
            case TEAM -> teams.findById(id).map(TeamEntity::getName).orElse(null);
            case MODEL -> models.findById(id).map(ModelEntity::getName).orElse(null);
            case ROUTE -> routes.findById(id).map(RouteEntity::getName).orElse(null);
            case null -> null;
        };
    }

    private static void check(FieldErrors errors, BudgetCommand command) {
        errors.name("name", command.name());
        if (command.scopeType() != null && BudgetScope.fromWire(command.scopeType()) == null) {
            errors.add("scope_type", "must be one of [key, team, model, route]");
        }
        if (command.scope() != null && (command.scope().isBlank() || command.scope().length() > 128)) {
            errors.add("scope", "must be the name or id of a key, team, model or route");
        }
        if (command.period() != null && BudgetPeriod.fromWire(command.period()) == null) {
            errors.add("period", "must be one of [daily, weekly, monthly, total]");
        }
        BigDecimal limit = command.limitUsd();
        if (limit != null && (limit.signum() <= 0 || limit.compareTo(MAX_LIMIT) > 0)) {
            errors.add("limit_usd", "must be more than 0 and at most " + MAX_LIMIT.toPlainString());
        } else if (limit != null && limit.stripTrailingZeros().scale() > LIMIT_SCALE) {
            errors.add("limit_usd", "must have at most " + LIMIT_SCALE + " decimal places");
        }
        errors.range("soft_threshold_percent", command.softThresholdPercent(), 1, 100);
    }

    /**
     * The id of the key, team, model or route named (or given by id), or {@code null} with an error recorded. A key the
     * grantor may not see does not exist for it, so the answer does not tell another team's key names.
     */
    private UUID resolveScope(FieldErrors errors, String scopeType, String scope, KeyGrantor grantor) {
        BudgetScope type = BudgetScope.fromWire(scopeType);
        if (type == null || scope == null || scope.isBlank() || scope.length() > 128) {
            return null;
        }
        UUID id = IdOrName.asUuid(scope);
        Optional<UUID> found = switch (type) {
            // By name: the live key of that name, else the latest revoked one (a budget may outlive its key).
            case KEY -> (id != null ? keys.findById(id).stream()
                    : keys.findByNameOrderByCreatedAtDesc(scope).stream()
                            .sorted(Comparator.comparing(ApiKeyEntity::isRevoked)))
                    .filter(key -> grantor.sees(key.getTeamId())).map(ApiKeyEntity::getId).findFirst();
            case TEAM -> (id != null ? teams.findById(id) : teams.findByName(scope)).map(TeamEntity::getId);
            case MODEL -> (id != null ? models.findById(id) : models.findByName(scope)).map(ModelEntity::getId);
            case ROUTE -> (id != null ? routes.findById(id) : routes.findByName(scope)).map(RouteEntity::getId);
        };
        if (found.isEmpty()) {
            errors.add("scope", "no " + type.wireName() + " '" + scope + "' exists");
            return null;
        }
        return found.get();
    }

    private BudgetView view(BudgetEntity b) {
        return new BudgetView(b.getId(), b.getName(), b.getScopeType(), scopeName(b), b.getScopeId(), b.getPeriod(),
                plain(b.getLimitUsd()), b.getSoftThresholdPercent(), b.isEnabled(), b.getCreatedAt(),
                b.getUpdatedAt());
    }

    /** Without trailing zeros, and never in exponent form ({@code 10}, not {@code 1E+1}). */
    public static BigDecimal plain(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Map<String, Object> state(BudgetEntity b) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", b.getName());
        state.put("scope_type", b.getScopeType());
        state.put("scope_id", String.valueOf(b.getScopeId()));
        state.put("period", b.getPeriod());
        state.put("limit_usd", b.getLimitUsd().stripTrailingZeros().toPlainString());
        state.put("soft_threshold_percent", b.getSoftThresholdPercent());
        state.put("enabled", b.isEnabled());
        return state;
    }

    /** Microseconds, as the database keeps them: a view returned now equals the same budget read back later. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The budget, if the grantor may see it: one it may not see is, to it, not there. */
    private BudgetEntity find(String idOrName, KeyGrantor grantor) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? budgets.findById(id) : budgets.findByName(idOrName))
                .filter(budget -> sees(grantor, budget))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(BudgetEntity budget) {
        ColumnLimits.check(budget);
        try {
            budgets.saveAndFlush(budget);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, budget.getName(), budget);
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A budget named '" + name + "' already exists", "name");
    }
}
