package ai.switchboard.registry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.testsupport.FreshDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replicas with one database and their own master keys: the database's key wins, the others refuse to start. */
class MasterKeyVerifierIT {

    private final FreshDatabase database = FreshDatabase.create().migrated();
    private final JdbcTemplate jdbc = database.jdbc();

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void theFirstStartStoresTheCheckAndAReplicaWithAnotherKeyIsRefused() {
        CredentialCipher first = new CredentialCipher(CredentialCipherTests.randomKey());
        verifier(first, "key A").verify();
        String stored = jdbc.queryForObject("SELECT check_value FROM master_key_check", String.class);

        verifier(first, "key A").verify();
        assertThatThrownBy(() -> verifier(new CredentialCipher(CredentialCipherTests.randomKey()),
                "the key file /data/b/master.key").verify())
                .isInstanceOf(MasterKeyMismatchException.class)
                .hasMessageStartingWith("Refusing to start: the master key (from the key file /data/b/master.key) "
                        + "does not match this database")
                .hasMessageContaining("SWITCHBOARD_MASTER_KEY");
        assertThat(jdbc.queryForObject("SELECT check_value FROM master_key_check", String.class))
                .as("the check written first stays").isEqualTo(stored);
    }

    @Test
    void replicasStartingAtOnceAgreeOnOneKey() throws Exception {
        List<CredentialCipher> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(new CredentialCipher(CredentialCipherTests.randomKey()));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> replicas = new ArrayList<>();
        for (CredentialCipher key : keys) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                    verifier(key, "a key").verify();
                    return true;
                } catch (MasterKeyMismatchException refused) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();

        List<Boolean> started = new ArrayList<>();
        for (CompletableFuture<Boolean> replica : replicas) {
            started.add(replica.get(60, TimeUnit.SECONDS));
        }
        assertThat(started).as("exactly one key was accepted").containsOnlyOnce(true);
        CredentialCipher winner = keys.get(started.indexOf(true));
        assertThat(new MasterKeyCheck(winner).matches(
                jdbc.queryForObject("SELECT check_value FROM master_key_check", String.class))).isTrue();
    }

    @Test
    void aDatabaseFromBeforeTheCheckIsClaimedOnlyByAKeyThatOpensItsCredentials() {
        CredentialCipher original = new CredentialCipher(CredentialCipherTests.randomKey());
        UUID provider = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO providers (id, name, type, base_url, api_key_ciphertext, connect_timeout_ms, "
                + "response_timeout_ms, created_at, updated_at) VALUES (?, 'old', 'openai', 'https://x.example/v1', ?, "
                + "1000, 1000, ?, ?)", provider, original.encrypt("sk-old-credential", provider), now, now);

        assertThatThrownBy(() -> verifier(new CredentialCipher(CredentialCipherTests.randomKey()), "a new key file")
                .verify())
                .isInstanceOf(MasterKeyMismatchException.class)
                .hasMessageContaining("none of the 1 provider(s) with stored secrets can be decrypted");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master_key_check", Integer.class))
                .as("a refused key writes no check").isZero();

        verifier(original, "the original key").verify();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM master_key_check", Integer.class)).isOne();
    }

    private MasterKeyVerifier verifier(CredentialCipher cipher, String source) {
        return new MasterKeyVerifier(jdbc, cipher, source);
    }
}
