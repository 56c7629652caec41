package ai.switchboard.registry.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.BudgetConfig;
import ai.switchboard.registry.BudgetPeriod;
import ai.switchboard.registry.BudgetScope;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.registry.team.TeamEntity;
import ai.switchboard.registry.team.TeamRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Budget definitions: validated, audited, live in the snapshot when the call returns, gone with their scope. */
class BudgetAdminServiceIT extends RegistryIntegrationTest {

    private static final KeyGrantor TESTER = KeyGrantor.system("tester");

    @Autowired
    BudgetAdminService budgets;

    @Autowired
    TeamRepository teams;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBudgetIsAuditedAndLiveInTheSnapshotWithTheNameOfWhatItWatches() {
        TeamEntity team = teams.save(new TeamEntity(UUID.randomUUID(), unique("team"), null, Instant.now()));
        String name = unique("budget");
        BudgetView created = budgets.create(new BudgetCommand(name, "team", team.getName(), "weekly",
                new BigDecimal("12.50"), 75, null, Set.of()), TESTER);

        assertThat(created.limitUsd()).isEqualByComparingTo("12.5");
        BudgetConfig live = snapshots.current().budgets().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(live.scope()).isEqualTo(BudgetScope.TEAM);
        assertThat(live.scopeName()).isEqualTo(team.getName());
        assertThat(live.period()).isEqualTo(BudgetPeriod.WEEKLY);
        assertThat(live.softThresholdPercent()).isEqualTo(75);

        BudgetView same = budgets.update(name, new BudgetCommand(null, null, null, null, new BigDecimal("12.5"),
                null, null, Set.of()), TESTER);
        assertThat(same.updatedAt()).as("a change to nothing is no change").isEqualTo(created.updatedAt());
        budgets.update(name, new BudgetCommand(null, null, null, null, null, null, null,
                Set.of("soft_threshold_percent")), TESTER);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'budget' AND entity_name = ? "
                + "ORDER BY id", String.class, name)).containsExactly("create", "update");

        // Deleting the team deletes its budgets.
        jdbc.update("DELETE FROM teams WHERE id = ?", team.getId());
        snapshots.refreshOrThrow();
        assertThat(snapshots.current().budgets()).noneMatch(b -> b.name().equals(name));
    }

    @Test
    void everyBadFieldIsReportedAtOnceAndDuplicatesConflict() {
        assertThatThrownBy(() -> budgets.create(new BudgetCommand("ok-name", "user", "x", "yearly",
                new BigDecimal("-1"), 0, null, Set.of()), TESTER))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .contains("scope_type", "period", "limit_usd", "soft_threshold_percent"));
        assertThatThrownBy(() -> budgets.create(new BudgetCommand("ok-name", "model", "no-such-model", "daily",
                BigDecimal.ONE, null, null, Set.of()), TESTER))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("scope"));
        assertThatThrownBy(() -> budgets.create(new BudgetCommand("ok-name", "team", "t", "daily",
                new BigDecimal("0.0000000001"), null, null, Set.of()), TESTER))
                .isInstanceOf(RegistryValidationException.class);

        TeamEntity team = teams.save(new TeamEntity(UUID.randomUUID(), unique("team"), null, Instant.now()));
        String name = unique("dup");
        budgets.create(new BudgetCommand(name, "team", team.getName(), "total", BigDecimal.TEN, null, null,
                Set.of()), TESTER);
        assertThatThrownBy(() -> budgets.create(new BudgetCommand(name, "team", team.getName(), "total",
                BigDecimal.TEN, null, null, Set.of()), TESTER)).isInstanceOf(RegistryConflictException.class);
    }
}
