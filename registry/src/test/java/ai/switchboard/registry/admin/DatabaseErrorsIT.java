package ai.switchboard.registry.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.model.ModelEntity;
import ai.switchboard.registry.provider.ProviderEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Real PostgreSQL errors, each read as what it is rather than as "already exists". */
class DatabaseErrorsIT extends RegistryIntegrationTest {

    private static final String INSERT_PROVIDER = "INSERT INTO providers (id, name, type, base_url, "
            + "connect_timeout_ms, response_timeout_ms, created_at, updated_at) "
            + "VALUES (?, ?, 'openai', ?, 1, 1, now(), now())";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUniqueViolationIsAConflictNamingTheField() {
        String name = unique("dup");
        jdbc.update(INSERT_PROVIDER, UUID.randomUUID(), name, "https://u.example");

        RuntimeException translated = translate(() -> jdbc.update(INSERT_PROVIDER, UUID.randomUUID(), name,
                "https://u.example"), "provider", name, null);

        assertThat(translated).isInstanceOfSatisfying(RegistryConflictException.class, e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.getMessage()).isEqualTo("A provider named '" + name + "' already exists");
        });
    }

    @Test
    void aStringTooLongIsA400NamingTheColumn() {
        String url = "https://u.example/" + "a".repeat(2048);
        ProviderEntity entity = new ProviderEntity(UUID.randomUUID(), unique("long"), Instant.now());
        entity.setBaseUrl(url);

        RuntimeException translated = translate(() -> jdbc.update(INSERT_PROVIDER, entity.getId(), entity.getName(),
                url), "provider", entity.getName(), entity);

        assertThat(translated).isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field).containsExactly("base_url"));
    }

    @Test
    void aNumericOverflowIsA400NamingTheColumn() {
        ModelEntity entity = new ModelEntity(UUID.randomUUID(), unique("m"), Instant.now());
        entity.setOutputPricePerMtok(new BigDecimal("1e30"));

        RuntimeException translated = translate(() -> jdbc.queryForObject("SELECT CAST(1e30 AS numeric(18, 6))",
                BigDecimal.class), "model", entity.getName(), entity);

        assertThat(translated).isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field).containsExactly("output_price_per_mtok"));
    }

    @Test
    void aFailedCheckIsA400NamingTheColumn() {
        RuntimeException translated = translate(() -> jdbc.update(INSERT_PROVIDER.replace("1, 1", "0, 1"),
                UUID.randomUUID(), unique("zero"), "https://u.example"), "provider", "zero", null);

        assertThat(translated).isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field).containsExactly("connect_timeout_ms"));
    }

    @Test
    void anythingElseIsLeftForTheGenericHandler() {
        DataAccessException failure = catchThrowableOfType(DataAccessException.class,
                () -> jdbc.queryForObject("SELECT no_such_column FROM providers LIMIT 1", String.class));

        assertThat(DatabaseErrors.translate(failure, "provider", "p", null)).isSameAs(failure);
    }

    private static RuntimeException translate(Runnable statement, String entityType, String name, Object entity) {
        DataAccessException failure = catchThrowableOfType(DataAccessException.class, statement::run);
        assertThat(failure).as("the statement must fail").isNotNull();
        return DatabaseErrors.translate(failure, entityType, name, entity);
    }
}
