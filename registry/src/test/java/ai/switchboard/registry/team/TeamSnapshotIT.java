package ai.switchboard.registry.team;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.key.ApiKeyAdminService;
import ai.switchboard.registry.key.ApiKeyCreateCommand;
import ai.switchboard.registry.key.ApiKeyCreated;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The request path learns which team owns a key from the snapshot, as it learns everything else. */
class TeamSnapshotIT extends RegistryIntegrationTest {

    @Autowired
    TeamRepository teams;

    @Autowired
    ApiKeyAdminService keys;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aKeysTeamIsInTheSnapshotAlongWithTheTeam() {
        TeamEntity team = teams.save(new TeamEntity(UUID.randomUUID(), unique("team"), "billing", Instant.now()));
        ApiKeyCreated owned = keys.create(new ApiKeyCreateCommand(unique("owned"), List.of("inference"),
                List.of("*"), null), KeyGrantor.system("tester"));
        ApiKeyCreated alone = keys.create(new ApiKeyCreateCommand(unique("alone"), List.of("inference"),
                List.of("*"), null), KeyGrantor.system("tester"));
        jdbc.update("UPDATE api_keys SET team_id = ? WHERE id = ?", team.getId(), owned.key().id());

        snapshots.refreshOrThrow();

        ApiKeyRecord ownedRecord = snapshots.current().keyByHash(ApiKeyHasher.hash(owned.plaintext()));
        ApiKeyRecord aloneRecord = snapshots.current().keyByHash(ApiKeyHasher.hash(alone.plaintext()));
        assertThat(ownedRecord.teamId()).isEqualTo(team.getId());
        assertThat(snapshots.current().team(ownedRecord.teamId()).name()).isEqualTo(team.getName());
        assertThat(aloneRecord.teamId()).isNull();
        assertThat(snapshots.current().team(aloneRecord.teamId())).isNull();
    }
}
