package ai.switchboard.registry.crypto;

import ai.switchboard.registry.provider.ProviderSecrets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks at start-up that this replica's master key is the database's: the {@code master_key_check} row holds a
 * {@link MasterKeyCheck} value, written by the first replica that starts (a conditional insert, so replicas starting
 * together agree on one) and opened by every later one. A key that does not open it stops the start-up with a
 * {@link MasterKeyMismatchException}, before anything is served.
 *
 * <p>A database from before the check has credentials but no row: the first key to write the row must then open at
 * least one of those credentials, so a replica with a freshly generated key cannot claim a database whose secrets
 * were written with another.
 */
public class MasterKeyVerifier {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyVerifier.class);

    private final JdbcTemplate jdbc;
    private final CredentialCipher cipher;
    private final MasterKeyCheck check;
    private final String keySource;

    /**
     * @param keySource where the key came from, named in the refusal (see {@link MasterKeyResolver#describeSource})
     */
    public MasterKeyVerifier(JdbcTemplate jdbc, CredentialCipher cipher, String keySource) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.check = new MasterKeyCheck(cipher);
        this.keySource = keySource;
    }

    /**
     * Verifies the key, first writing the check value if the database has none.
     *
     * @throws MasterKeyMismatchException naming the key's source and what to do
     */
    public void verify() {
        String stored = storedCheckValue();
        if (stored == null) {
            requireAStoredSecretOpens();
            int inserted = jdbc.update("INSERT INTO master_key_check (id, check_value, created_at) "
                    + "VALUES (true, ?, now()) ON CONFLICT (id) DO NOTHING", check.create());
            if (inserted == 1) {
                log.info("Stored a check value of the master key ({}); replicas with another key will refuse to "
                        + "start", keySource);
            }
            stored = storedCheckValue();
        }
        if (!check.matches(stored)) {
            throw refuse("it is not the key this database's secrets were encrypted with (its check value in table "
                    + "master_key_check does not open with it)");
        }
    }

    private String storedCheckValue() {
        List<String> values = jdbc.queryForList("SELECT check_value FROM master_key_check", String.class);
        return values.isEmpty() ? null : values.getFirst();
    }

    private void requireAStoredSecretOpens() {
        List<StoredSecret> secrets = jdbc.query("SELECT id, api_key_ciphertext, extra_headers_ciphertext "
                + "FROM providers WHERE api_key_ciphertext IS NOT NULL OR extra_headers_ciphertext IS NOT NULL",
                (row, i) -> new StoredSecret(row.getObject("id", UUID.class), row.getString("api_key_ciphertext"),
                        row.getString("extra_headers_ciphertext")));
        if (!secrets.isEmpty() && secrets.stream().noneMatch(this::opens)) {
            throw refuse("none of the " + secrets.size() + " provider(s) with stored secrets can be decrypted with "
                    + "it, so they were written with another key");
        }
    }

    private boolean opens(StoredSecret secret) {
        try {
            if (secret.apiKey() != null) {
                cipher.decrypt(secret.apiKey(), secret.providerId());
            } else {
                cipher.decrypt(secret.extraHeaders(), secret.providerId(), ProviderSecrets.EXTRA_HEADERS);
            }
            return true;
        } catch (CredentialDecryptionException anotherKey) {
            return false;
        }
    }

    private MasterKeyMismatchException refuse(String why) {
        String message = "Refusing to start: the master key (from " + keySource + ") does not match this database: "
                + why + ". Every replica on one database needs the same SWITCHBOARD_MASTER_KEY.";
        log.error(message);
        return new MasterKeyMismatchException(message);
    }

    private record StoredSecret(UUID providerId, String apiKey, String extraHeaders) {
    }
}
