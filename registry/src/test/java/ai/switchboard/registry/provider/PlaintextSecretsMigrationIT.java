package ai.switchboard.registry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.crypto.CredentialCipher;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ai.switchboard.registry.testsupport.FreshDatabase;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows an earlier version wrote with plaintext headers are encrypted at start-up, once, by whichever replica. */
class PlaintextSecretsMigrationIT {

    private static final String CANARY = "CANARY-XHDR-91ab";

    private final FreshDatabase database = FreshDatabase.create().migrated();
    private final JdbcTemplate jdbc = database.jdbc();
    private final ProviderSecrets secrets = new ProviderSecrets(new CredentialCipher(randomKey()));

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void plaintextHeadersAreEncryptedAndThePlaintextColumnEmptied() {
        UUID id = insertEarlierVersionRow("legacy", "https://x.example/v1",
                "{\"X-Secret-Hdr\": \"" + CANARY + "\", \"X-Team\": \"search\"}");
        PlaintextSecretsMigration migration = new PlaintextSecretsMigration(jdbc, secrets);

        migration.run();
        String afterFirst = jdbc.queryForObject("SELECT extra_headers_ciphertext FROM providers WHERE id = ?",
                String.class, id);
        migration.run();

        assertThat(jdbc.queryForObject("SELECT p::text FROM providers p WHERE id = ?", String.class, id))
                .as("the whole stored row").doesNotContain(CANARY).doesNotContain("search");
        assertThat(jdbc.queryForObject("SELECT extra_headers::text FROM providers WHERE id = ?", String.class, id))
                .isEqualTo("{}");
        assertThat(jdbc.queryForObject("SELECT extra_headers_ciphertext FROM providers WHERE id = ?", String.class,
                id)).as("a second run changes nothing").isEqualTo(afterFirst).startsWith("v1:");
        assertThat(secrets.extraHeaders(entity(id, afterFirst)))
                .containsOnly(Map.entry("X-Secret-Hdr", CANARY), Map.entry("X-Team", "search"));
    }

    @Test
    void aRowChangedSinceItWasReadIsLeftForTheReplicaThatChangedIt() {
        UUID id = insertEarlierVersionRow("raced", "https://x.example/v1", "{\"X-Team\": \"search\"}");
        // Another replica encrypted it between this one's read and write: the conditional update matches nothing.
        int updated = jdbc.update("UPDATE providers SET extra_headers_ciphertext = 'v1:other', "
                + "extra_headers = '{}'::jsonb WHERE id = ? AND extra_headers = ?::jsonb", id, "{\"X-Team\": \"search\"}");
        assertThat(updated).isOne();

        new PlaintextSecretsMigration(jdbc, secrets).run();

        assertThat(jdbc.queryForObject("SELECT extra_headers_ciphertext FROM providers WHERE id = ?", String.class,
                id)).isEqualTo("v1:other");
    }

    @Test
    void baseUrlsWithCredentialsAreNamedInAWarningWithoutTheCredentials() {
        insertEarlierVersionRow("userinfo", "http://gw-user:hunter2-secret@proxy.example/v1", "{}");
        insertEarlierVersionRow("at-in-path", "https://proxy.example/v1/@team", "{}");
        Logger logger = (Logger) LoggerFactory.getLogger(PlaintextSecretsMigration.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            new PlaintextSecretsMigration(jdbc, secrets).run();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("[userinfo]").contains("base_url")
                    .doesNotContain("hunter2-secret").doesNotContain("at-in-path");
        });
        assertThat(jdbc.queryForObject("SELECT base_url FROM providers WHERE name = 'userinfo'", String.class))
                .as("left working as it was").isEqualTo("http://gw-user:hunter2-secret@proxy.example/v1");
    }

    private UUID insertEarlierVersionRow(String name, String baseUrl, String plaintextHeaders) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO providers (id, name, type, base_url, extra_headers, connect_timeout_ms, "
                + "response_timeout_ms, created_at, updated_at) VALUES (?, ?, 'openai', ?, ?::jsonb, 1000, 1000, ?, ?)",
                id, name, baseUrl, plaintextHeaders, now, now);
        return id;
    }

    private static ProviderEntity entity(UUID id, String headersCiphertext) {
        ProviderEntity entity = new ProviderEntity(id, "legacy", Instant.now());
        entity.setExtraHeadersCiphertext(headersCiphertext);
        return entity;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[CredentialCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
