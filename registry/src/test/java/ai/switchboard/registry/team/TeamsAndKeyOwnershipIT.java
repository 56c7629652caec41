package ai.switchboard.registry.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.audit.AuditLogEntity;
import ai.switchboard.registry.audit.AuditLogRepository;
import ai.switchboard.registry.audit.AuditOrigin;
import ai.switchboard.registry.declarative.DeclarativeConfigService;
import ai.switchboard.registry.key.ApiKeyAdminService;
import ai.switchboard.registry.key.ApiKeyCreateCommand;
import ai.switchboard.registry.key.ApiKeyCreated;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.ApiKeyUpdateCommand;
import ai.switchboard.registry.key.ApiKeyView;
import ai.switchboard.registry.key.KeyGrantor;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Teams, the keys they own, what a team administrator may do with them, rotation, and the audit of all of it. */
class TeamsAndKeyOwnershipIT extends RegistryIntegrationTest {

    private static final KeyGrantor SYSTEM = KeyGrantor.system("tester");
    private static final List<String> ALL = List.of(ApiKeyRecord.ALL_MODELS);

    @Autowired
    TeamAdminService teams;

    @Autowired
    ApiKeyAdminService keys;

    @Autowired
    AuditLogRepository audit;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    DeclarativeConfigService config;

    @Test
    void aTeamIsCreatedRenamedAndDeletedOnlyWhenItHasNoLiveKeys() {
        String name = unique("team");
        TeamView team = teams.create(new TeamCommand(name, "Payments", Set.of()), "tester");
        ApiKeyCreated member = keys.create(new ApiKeyCreateCommand(unique("k"), null, ALL, null, name), SYSTEM);

        assertThat(member.key().team()).isEqualTo(name);
        assertThat(snapshots.current().keyByHash(ApiKeyHasher.hash(member.plaintext())).teamId())
                .isEqualTo(team.id());
        assertThat(teams.get(name, null).keyCount()).isEqualTo(1);
        assertThatThrownBy(() -> teams.delete(name, "tester")).isInstanceOf(RegistryConflictException.class)
                .hasMessageContaining("1 live key");

        String renamed = unique("renamed");
        TeamView after = teams.update(team.id().toString(), new TeamCommand(renamed, null, Set.of("description")),
                "tester");
        assertThat(after.name()).isEqualTo(renamed);
        assertThat(after.description()).isNull();
        AuditLogEntity row = audit.findByEntityIdOrderByIdAsc(team.id()).getLast();
        assertThat(row.getBefore()).containsEntry("name", name).containsEntry("description", "Payments");
        assertThat(row.getDetail()).containsEntry("name", renamed).containsEntry("description", null);

        keys.revoke(member.key().id().toString(), "tester");
        teams.delete(renamed, "tester");
        assertThatThrownBy(() -> teams.get(renamed, null)).isInstanceOf(RegistryNotFoundException.class);
        assertThat(keys.get(member.key().id().toString(), SYSTEM).team()).isNull();
    }

    @Test
    void teamNamesAreValidatedAndUnique() {
        String name = unique("dup");
        teams.create(new TeamCommand(name, null, Set.of()), "tester");
        assertThatThrownBy(() -> teams.create(new TeamCommand(name, null, Set.of()), "tester"))
                .isInstanceOf(RegistryConflictException.class);
        assertThatThrownBy(() -> teams.create(new TeamCommand("bad name!", "x".repeat(600), Set.of()), "tester"))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactlyInAnyOrder("name", "description"));
        assertThatThrownBy(() -> keys.create(new ApiKeyCreateCommand(unique("k"), null, ALL, null, "no-such-team"),
                SYSTEM)).isInstanceOfSatisfying(RegistryValidationException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("team"));
    }

    @Test
    void aTeamAdministratorSeesAndChangesOnlyItsOwnTeamsKeys() {
        TeamView mine = teams.create(new TeamCommand(unique("mine"), null, Set.of()), "tester");
        TeamView theirs = teams.create(new TeamCommand(unique("theirs"), null, Set.of()), "tester");
        KeyGrantor teamAdmin = new KeyGrantor("ta", Set.of(KeyScope.TEAM_ADMIN, KeyScope.INFERENCE), Set.of("*"),
                mine.id());
        ApiKeyCreated foreign = keys.create(new ApiKeyCreateCommand(unique("f"), null, ALL, null,
                theirs.name()), SYSTEM);

        ApiKeyCreated own = keys.create(new ApiKeyCreateCommand(unique("o"), null, ALL, null), teamAdmin);

        assertThat(own.key().team()).as("a team administrator's key joins its team").isEqualTo(mine.name());
        assertThat(keys.list(teamAdmin)).extracting(ApiKeyView::id).contains(own.key().id())
                .doesNotContain(foreign.key().id());
        String foreignId = foreign.key().id().toString();
        assertThatThrownBy(() -> keys.get(foreignId, teamAdmin)).isInstanceOf(RegistryNotFoundException.class);
        assertThatThrownBy(() -> keys.revoke(foreignId, teamAdmin)).isInstanceOf(RegistryNotFoundException.class);
        assertThatThrownBy(() -> keys.rotate(foreignId, Duration.ZERO, teamAdmin))
                .isInstanceOf(RegistryNotFoundException.class);
        assertThatThrownBy(() -> keys.update(foreignId, new ApiKeyUpdateCommand("x", null, null, null, Set.of()),
                teamAdmin)).isInstanceOf(RegistryNotFoundException.class);
        assertThatThrownBy(() -> keys.create(new ApiKeyCreateCommand(unique("x"), null, ALL, null, theirs.name()),
                teamAdmin)).isInstanceOf(RegistryForbiddenException.class);
        assertThatThrownBy(() -> keys.update(own.key().id().toString(),
                new ApiKeyUpdateCommand(null, null, null, null, theirs.name(), Set.of()), teamAdmin))
                .isInstanceOf(RegistryForbiddenException.class);
        assertThatThrownBy(() -> keys.update(own.key().id().toString(),
                new ApiKeyUpdateCommand(null, List.of("admin"), null, null, Set.of()), teamAdmin))
                .as("no key can be raised above its editor").isInstanceOf(RegistryForbiddenException.class);
        assertThatThrownBy(() -> keys.update(own.key().id().toString(),
                new ApiKeyUpdateCommand(null, null, null, null, null, Set.of("team")), teamAdmin))
                .isInstanceOf(RegistryForbiddenException.class);

        KeyGrantor teamless = new KeyGrantor("tl", Set.of(KeyScope.TEAM_ADMIN, KeyScope.INFERENCE), Set.of("*"),
                null);
        assertThat(keys.list(teamless)).isEmpty();
        assertThatThrownBy(() -> keys.create(new ApiKeyCreateCommand(unique("x"), null, ALL, null), teamless))
                .isInstanceOf(RegistryForbiddenException.class);
    }

    @Test
    void aRotatedKeysOldSecretWorksForTheGracePeriodOnlyAndANewRotationEndsIt() {
        ApiKeyCreated original = keys.create(new ApiKeyCreateCommand(unique("rot"), null, ALL, null), SYSTEM);
        String id = original.key().id().toString();

        ApiKeyCreated rotated = keys.rotate(id, Duration.ofHours(1), SYSTEM);

        assertThat(rotated.plaintext()).isNotEqualTo(original.plaintext());
        assertThat(rotated.key().prefix()).isEqualTo(rotated.plaintext().substring(0, 10));
        assertThat(rotated.key().previousKeyExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        String oldHash = ApiKeyHasher.hash(original.plaintext());
        String newHash = ApiKeyHasher.hash(rotated.plaintext());
        ApiKeyRecord viaOld = snapshots.current().keyByHash(oldHash);
        assertThat(viaOld.id()).isEqualTo(original.key().id());
        Instant now = Instant.now();
        assertThat(viaOld.acceptsAt(oldHash, now)).isTrue();
        assertThat(viaOld.acceptsAt(newHash, now)).isTrue();
        assertThat(viaOld.acceptsAt(oldHash, now.plus(Duration.ofMinutes(61)))).isFalse();
        assertThat(viaOld.acceptsAt(newHash, now.plus(Duration.ofMinutes(61)))).isTrue();

        ApiKeyCreated again = keys.rotate(id, Duration.ZERO, SYSTEM);

        assertThat(snapshots.current().keyByHash(oldHash)).as("the secret before last is gone").isNull();
        assertThat(snapshots.current().keyByHash(newHash)).as("no grace: the last secret stops now").isNull();
        assertThat(snapshots.current().keyByHash(ApiKeyHasher.hash(again.plaintext())).id())
                .isEqualTo(original.key().id());
        assertThat(audit.findByEntityIdOrderByIdAsc(original.key().id())).extracting(AuditLogEntity::getAction)
                .containsExactly("create", "rotate", "rotate");
        assertThatThrownBy(() -> keys.rotate(id, Duration.ofDays(31), SYSTEM))
                .isInstanceOf(RegistryValidationException.class);
        assertThatThrownBy(() -> keys.rotate(id, Duration.ofSeconds(-1), SYSTEM))
                .isInstanceOf(RegistryValidationException.class);
        keys.revoke(id, "tester");
        assertThatThrownBy(() -> keys.rotate(id, Duration.ZERO, SYSTEM)).isInstanceOf(RegistryConflictException.class);
    }

    @Test
    void auditRowsNameTheCallersKeyTeamAndAddress() throws Exception {
        UUID caller = UUID.randomUUID();
        UUID callerTeam = UUID.randomUUID();
        String name = unique("origin");

        TeamView team = AuditOrigin.callAs(new AuditOrigin(caller, callerTeam, "203.0.113.9"),
                () -> teams.create(new TeamCommand(name, null, Set.of()), "someone"));

        AuditLogEntity row = audit.findByEntityIdOrderByIdAsc(team.id()).getFirst();
        assertThat(row.getActorKeyId()).isEqualTo(caller);
        assertThat(row.getTeamId()).isEqualTo(callerTeam);
        assertThat(row.getClientAddress()).isEqualTo("203.0.113.9");
        assertThat(row.getBefore()).isNull();
        assertThat(AuditOrigin.current()).isEqualTo(AuditOrigin.SYSTEM);
    }

    @Test
    void theFileDeclaresTeamsAndTheKeysTheyOwnAndTheExportSaysSo() {
        String team = unique("file-team");
        String key = unique("file-key");
        keys.create(new ApiKeyCreateCommand(key, null, ALL, null), SYSTEM);

        config.apply("""
                teams:
                  - {name: %1$s, description: From the file}
                keys:
                  - {name: %2$s, team: %1$s}
                """.formatted(team, key), "file");

        assertThat(keys.get(key, SYSTEM).team()).isEqualTo(team);
        assertThat(teams.get(team, null).description()).isEqualTo("From the file");
        String exported = config.exportYaml();
        assertThat(exported).contains("name: " + team).contains("team: " + team);
        assertThat(config.apply(exported, "file").changed()).isFalse();
    }
}
