package ai.switchboard.registry.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApiKeyAdminServiceIT extends RegistryIntegrationTest {

    private static final KeyGrantor SYSTEM = KeyGrantor.system("tester");
    private static final List<String> ALL = List.of(ApiKeyRecord.ALL_MODELS);

    @Autowired
    ApiKeyAdminService keys;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    BootstrapAdminKey bootstrap;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void returnsThePlaintextOnceAndStoresOnlyTheHash() {
        String name = unique("billing");
        Instant expiry = Instant.parse("2100-01-01T00:00:00Z");

        ApiKeyCreated created = keys.create(new ApiKeyCreateCommand(name, null, ALL, expiry), SYSTEM);

        String plaintext = created.plaintext();
        assertThat(created.toString()).doesNotContain(plaintext);
        assertThat(created.key().prefix()).isEqualTo(plaintext.substring(0, 10));
        assertThat(created.key().scopes()).containsExactly("inference");
        Integer leaks = jdbc.queryForObject("SELECT count(*) FROM api_keys k, audit_log a WHERE k.name = ? AND "
                + "(k::text LIKE ? OR a.detail::text LIKE ?)", Integer.class, name, "%" + plaintext + "%",
                "%" + plaintext + "%");
        assertThat(leaks).isZero();
        ApiKeyRecord record = snapshots.current().keyByHash(ApiKeyHasher.hash(plaintext));
        assertThat(record.name()).isEqualTo(name);
        assertThat(record.expiresAt()).isEqualTo(expiry);
        assertThat(record.activeAt(Instant.now())).isTrue();
    }

    @Test
    void revokesKeepingTheRowAndFreesTheName() {
        String name = unique("app");
        ApiKeyCreated created = keys.create(new ApiKeyCreateCommand(name, List.of("inference"), ALL, null), SYSTEM);

        ApiKeyView revoked = keys.revoke(name, "tester");

        assertThat(revoked.revoked()).isTrue();
        assertThat(keys.get(created.key().id().toString(), SYSTEM).revoked()).isTrue();
        assertThat(snapshots.current().keyByHash(ApiKeyHasher.hash(created.plaintext())).revoked()).isTrue();
        ApiKeyCreated again = keys.create(new ApiKeyCreateCommand(name, null, ALL, null), SYSTEM);
        assertThat(keys.get(name, SYSTEM).id()).isEqualTo(again.key().id());
    }

    @Test
    void namesEveryBadField() {
        ApiKeyCreateCommand bad = new ApiKeyCreateCommand("", List.of("inference", "root"), List.of("no-such-model"),
                Instant.parse("2001-01-01T00:00:00Z"));

        assertThatThrownBy(() -> keys.create(bad, SYSTEM))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "scopes[1]", "allowed_models[0]", "expires_at"));
    }

    @Test
    void refusesTwoLiveKeysWithOneName() {
        String name = unique("twin");
        keys.create(new ApiKeyCreateCommand(name, null, ALL, null), SYSTEM);

        assertThatThrownBy(() -> keys.create(new ApiKeyCreateCommand(name, null, ALL, null), SYSTEM))
                .isInstanceOf(RegistryConflictException.class);
    }

    @Test
    void installsTheConfiguredBootstrapKeyIdempotently() {
        bootstrap.ensure();
        bootstrap.ensure();

        ApiKeyRecord record = snapshots.current().keyByHash(ApiKeyHasher.hash(BOOTSTRAP_KEY));
        assertThat(record.name()).isEqualTo(BootstrapAdminKey.NAME);
        assertThat(record.scopes()).containsExactlyInAnyOrder(KeyScope.ADMIN, KeyScope.INFERENCE);
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE hash = ?", Integer.class,
                ApiKeyHasher.hash(BOOTSTRAP_KEY));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void allModelsIsSpelledOutAndAnEmptyListAllowsNone() {
        ApiKeyCreated none = keys.create(new ApiKeyCreateCommand(unique("none"), null, List.of(), null), SYSTEM);
        ApiKeyCreated every = keys.create(new ApiKeyCreateCommand(unique("every"), null, ALL, null), SYSTEM);

        ApiKeyRecord noneRecord = snapshots.current().keyByHash(ApiKeyHasher.hash(none.plaintext()));
        ApiKeyRecord everyRecord = snapshots.current().keyByHash(ApiKeyHasher.hash(every.plaintext()));
        assertThat(noneRecord.mayUse("any-model")).isFalse();
        assertThat(everyRecord.mayUse("any-model")).isTrue();
        assertThatThrownBy(() -> keys.create(new ApiKeyCreateCommand(unique("implicit"), null, null, null), SYSTEM))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("allowed_models"));
        assertThatThrownBy(() -> keys.create(new ApiKeyCreateCommand(unique("mixed"), null,
                List.of("*", "some-model"), null), SYSTEM)).isInstanceOf(RegistryValidationException.class);
        assertThat(keys.create(new ApiKeyCreateCommand(unique("admin-only"), List.of("admin"), null, null), SYSTEM)
                .key().allowedModels()).isEmpty();
    }

    @Test
    void updatesRenameRescopeAndClearTheExpiryAndAChangeToNothingRecordsNothing() {
        String name = unique("patched");
        ApiKeyCreated created = keys.create(new ApiKeyCreateCommand(name, null, List.of(),
                Instant.parse("2090-01-01T00:00:00Z")), SYSTEM);
        String id = created.key().id().toString();

        ApiKeyView renamed = keys.update(id, new ApiKeyUpdateCommand(name + "-2", List.of("inference", "admin"), ALL,
                null, Set.of("expires_at")), SYSTEM);

        assertThat(renamed.name()).isEqualTo(name + "-2");
        assertThat(renamed.scopes()).containsExactly("inference", "admin");
        assertThat(renamed.allowedModels()).containsExactly("*");
        assertThat(renamed.expiresAt()).isNull();
        long revision = snapshots.current().version();
        Long audits = jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE entity_id = ?", Long.class,
                created.key().id());

        keys.update(id, new ApiKeyUpdateCommand(name + "-2", List.of("INFERENCE", "admin"), ALL, null,
                Set.of("expires_at")), SYSTEM);

        assertThat(snapshots.current().version()).isEqualTo(revision);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE entity_id = ?", Long.class,
                created.key().id())).isEqualTo(audits);
    }
}
