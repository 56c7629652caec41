package ai.switchboard.registry.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.AgentConfig;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.audit.AuditLogEntity;
import ai.switchboard.registry.audit.AuditLogRepository;
import ai.switchboard.registry.key.ApiKeyAdminService;
import ai.switchboard.registry.key.ApiKeyCreateCommand;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.model.ModelAdminService;
import ai.switchboard.registry.model.ModelCreateCommand;
import ai.switchboard.registry.model.ModelUpdateCommand;
import ai.switchboard.registry.provider.ProviderAdminService;
import ai.switchboard.registry.provider.ProviderCreateCommand;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Agents in the registry alone: defaults, limits, the model they plan with, the audit trail and the snapshot; and
 * keys that name them. Tools and answer schemas need the tools module, so the gateway's tests cover those.
 */
class AgentAdminServiceIT extends RegistryIntegrationTest {

    private static final KeyGrantor SYSTEM = KeyGrantor.system("tester");

    @Autowired
    AgentAdminService agents;

    @Autowired
    ModelAdminService models;

    @Autowired
    ProviderAdminService providers;

    @Autowired
    ApiKeyAdminService keys;

    @Autowired
    AuditLogRepository audit;

    @Autowired
    RegistrySnapshotManager snapshots;

    private String model;

    @BeforeEach
    void model() {
        String provider = unique("agent-p");
        providers.create(new ProviderCreateCommand(provider, "openai", "https://api.openai.com/v1", null, null, null,
                null, null, null), "tester");
        model = unique("agent-m");
        models.create(new ModelCreateCommand(model, provider, "gpt-4o-mini", null, List.of("chat", "tools"), null,
                null, null, null, null, null), "tester");
    }

    @Test
    void anAgentGetsSaneDefaultsNoToolsAndIsLiveInTheSnapshot() {
        String name = unique("helper");

        AgentView view = agents.create(command(name, model), "tester");

        assertThat(view.tools()).as("nothing is granted by default").isEmpty();
        assertThat(view.maxSteps()).isEqualTo(10);
        assertThat(view.timeoutSeconds()).isEqualTo(300);
        assertThat(view.parallelToolCalls()).isFalse();
        assertThat(view.maxCostUsd()).isNull();
        AgentConfig live = snapshots.current().agent(name);
        assertThat(live.model()).isEqualTo(model);
        assertThat(live.instructions()).isEqualTo("Answer briefly.\nCite sources.");
        assertThat(live.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(live.modelName()).isEqualTo("agent:" + name);
        assertThat(audit.findByEntityIdOrderByIdAsc(view.id())).extracting(AuditLogEntity::getAction)
                .containsExactly("create");
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndNothingIsStored() {
        String name = "bad:name";
        AgentCommand bad = new AgentCommand(name, "a\nb", "no-such-model",
                JsonNodeFactory.instance.objectNode().put("prompt", "p").put("label", "production"), List.of(),
                0, new BigDecimal("0"), 3601, null, null, Set.of());

        assertThatThrownBy(() -> agents.create(bad, "tester")).isInstanceOfSatisfying(
                RegistryValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "description", "model", "instructions.prompt", "max_steps",
                                "max_cost_usd", "timeout_seconds"));
        assertThat(snapshots.current().agent(name)).isNull();
        assertThatThrownBy(() -> agents.create(new AgentCommand(unique("a"), null, model, null, List.of("no-such-tool"),
                null, new BigDecimal("0.0000000001"), null, null, null, Set.of()), "tester"))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("tools[0]", "max_cost_usd"));
    }

    @Test
    void aChangeIsAuditedAndAWriteOfWhatIsStoredIsNoChange() {
        String name = unique("changing");
        AgentView created = agents.create(command(name, model), "tester");
        long rows = audit.findByEntityIdOrderByIdAsc(created.id()).size();

        agents.update(name, new AgentCommand(null, null, model, JsonNodeFactory.instance.stringNode(
                "Answer briefly.\nCite sources."), List.of(), 10, null, 300, false, null, Set.of()), "tester");
        assertThat(audit.findByEntityIdOrderByIdAsc(created.id())).hasSize((int) rows);

        AgentView changed = agents.update(name, new AgentCommand(null, null, null, null, null, 25,
                new BigDecimal("0.50"), null, true, null, Set.of("instructions")), "tester");

        assertThat(changed.maxSteps()).isEqualTo(25);
        assertThat(changed.maxCostUsd()).isEqualByComparingTo("0.5");
        assertThat(changed.instructions()).isNull();
        AuditLogEntity row = audit.findByEntityIdOrderByIdAsc(created.id()).getLast();
        assertThat(row.getBefore()).containsEntry("max_steps", 10).containsEntry("parallel_tool_calls", false)
                .containsKey("instructions");
        assertThat(row.getDetail()).containsEntry("max_steps", 25).containsEntry("max_cost_usd", "0.5");
        assertThat(snapshots.current().agent(name).parallelToolCalls()).isTrue();
        assertThatThrownBy(() -> agents.update(name, new AgentCommand(null, null, null, null, null, null, null, null,
                null, null, Set.of("model")), "tester")).isInstanceOf(RegistryValidationException.class);
    }

    @Test
    void theModelOfAnAgentCanBeNeitherDeletedNorRenamed() {
        String name = unique("planner");
        agents.create(command(name, model), "tester");

        assertThatThrownBy(() -> models.delete(model, "tester")).isInstanceOf(RegistryConflictException.class)
                .hasMessageContaining(name);
        assertThatThrownBy(() -> models.update(model, new ModelUpdateCommand(unique("moved"), null, null, null, null,
                null, null, null, null, null, null, null), "tester")).isInstanceOf(RegistryConflictException.class)
                .hasMessageContaining(name);

        agents.delete(name, "tester");
        models.delete(model, "tester");
        assertThat(snapshots.current().agent(name)).isNull();
    }

    @Test
    void modelNamesCannotTakeTheAgentPrefix() {
        String provider = unique("prefix-p");
        providers.create(new ProviderCreateCommand(provider, "openai", "https://api.openai.com/v1", null, null, null,
                null, null, null), "tester");

        assertThatThrownBy(() -> models.create(new ModelCreateCommand("agent:" + unique("x"), provider, "m", null,
                List.of("chat"), null, null, null, null, null, null), "tester"))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name"));
    }

    @Test
    void aKeyMayNameAnAgentNextToEveryModelAndOnlyAGrantorHoldingItMayGiveIt() {
        String name = unique("granted");
        agents.create(command(name, model), "tester");
        String agent = "agent:" + name;

        var created = keys.create(new ApiKeyCreateCommand(unique("k"), null, List.of("*", agent), null), SYSTEM);

        assertThat(created.key().allowedModels()).containsExactly("*", agent);
        var record = snapshots.current().keyByHash(ApiKeyHasher.hash(created.plaintext()));
        assertThat(record.mayUse(agent)).isTrue();
        assertThat(record.mayUse("agent:" + unique("other"))).isFalse();
        assertThatThrownBy(() -> keys.create(new ApiKeyCreateCommand(unique("k"), null,
                List.of("agent:" + unique("missing")), null), SYSTEM))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("allowed_models[0]"));

        KeyGrantor everyModel = new KeyGrantor("ta", Set.of(KeyScope.TEAM_ADMIN, KeyScope.INFERENCE), Set.of("*"),
                null);
        KeyGrantor holder = new KeyGrantor("ta", Set.of(KeyScope.TEAM_ADMIN, KeyScope.INFERENCE),
                Set.of(model, agent), null);
        var wanted = new ApiKeyCreateCommand(unique("k"), null, List.of(agent), null);
        assertThatThrownBy(() -> keys.create(wanted, everyModel)).as("'*' holds no agent")
                .isInstanceOfSatisfying(RegistryForbiddenException.class,
                        e -> assertThat(e.getMessage()).contains(agent));
        // The holder passes the grant check and is then stopped only because it belongs to no team.
        assertThatThrownBy(() -> keys.create(wanted, holder)).isInstanceOf(RegistryForbiddenException.class)
                .hasMessageContaining("no team");
    }

    private static AgentCommand command(String name, String model) {
        return new AgentCommand(name, "Helps", model,
                JsonNodeFactory.instance.stringNode("Answer briefly.\nCite sources."), null, null, null, null, null,
                null, Set.of());
    }
}
