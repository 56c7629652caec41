package ai.switchboard.registry.provider;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings rows written by earlier versions up to today's rules at start-up, which a SQL migration cannot do (it has
 * no master key): extra headers stored in plaintext are encrypted and the plaintext column emptied; base URLs with
 * credentials in them are named in a warning (they are masked wherever shown, and left as they are so that nothing
 * that works stops working). Idempotent, and safe with several replicas starting at once: a row is rewritten only
 * while its plaintext is still what this replica read.
 *
 * <p>The registry revision is not bumped: the headers a snapshot serves do not change, and replicas of the earlier
 * version, which read the plaintext column, keep theirs until the next registry change reaches them.
 */
@Component
public class PlaintextSecretsMigration {

    private static final Logger log = LoggerFactory.getLogger(PlaintextSecretsMigration.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ProviderSecrets secrets;

    public PlaintextSecretsMigration(JdbcTemplate jdbc, ProviderSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public void run() {
        encryptPlaintextHeaders();
        warnAboutCredentialsInBaseUrls();
    }

    private void encryptPlaintextHeaders() {
        List<PlaintextRow> rows = jdbc.query(
                "SELECT id, name, extra_headers::text AS headers FROM providers WHERE extra_headers <> '{}'::jsonb",
                (row, i) -> new PlaintextRow(row.getObject("id", UUID.class), row.getString("name"),
                        row.getString("headers")));
        int encrypted = 0;
        for (PlaintextRow row : rows) {
            Map<String, String> headers = JsonMapper.shared().readValue(row.json(), HEADERS);
            encrypted += jdbc.update("UPDATE providers SET extra_headers_ciphertext = ?, extra_headers = '{}'::jsonb "
                    + "WHERE id = ? AND extra_headers = ?::jsonb", secrets.seal(row.id(), headers), row.id(),
                    row.json());
        }
        if (encrypted > 0) {
            log.info("Encrypted the extra headers an earlier version had stored in plaintext, for {} provider(s): {}",
                    encrypted, rows.stream().map(PlaintextRow::name).toList());
        }
    }

    private void warnAboutCredentialsInBaseUrls() {
        List<String> names = jdbc.queryForList("SELECT name FROM providers WHERE base_url ~ ? ORDER BY name",
                String.class, UrlCredentials.SQL_PATTERN);
        if (!names.isEmpty()) {
            log.warn("Provider(s) {} have credentials (user:password@) in base_url, stored before such URLs were "
                    + "refused. They are masked in the admin API and the export, but stored in plaintext: PATCH "
                    + "base_url without them, and give the credential as api_key or in extra_headers.", names);
        }
    }

    private record PlaintextRow(UUID id, String name, String json) {
    }
}
