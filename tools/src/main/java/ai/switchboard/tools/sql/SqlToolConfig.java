package ai.switchboard.tools.sql;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.tools.Secret;
import ai.switchboard.tools.ToolConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/**
 * What an admin writes for a {@code sql} tool (snake_case JSON). The database role should be one made for the tool,
 * with SELECT grants on what the model may read and nothing else; the tool refuses to run as a more powerful role
 * unless told otherwise.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database[?ssl parameters]}; no password and none of the
 *     parameters that would change how statements are sent
 * @param username the database role
 * @param password its password: stored encrypted, never shown
 * @param allowedSchemas schemas whose tables and views the model may read (every relation in them)
 * @param allowedTables single relations the model may read, as {@code schema.table}
 * @param maxRows rows returned at most; more are cut and the result says so; default 100
 * @param statementTimeoutMs how long one query may run; default 5000, at most 120000
 * @param maxConnections connections the tool may open; default 2, at most 16
 * @param maxQueryChars the longest query the model may send; default 10000
 * @param allowPrivilegedRole run even as a superuser, a BYPASSRLS role, a member of the server-file roles, or a
 *     role that may call dblink or pg_background (which run SQL outside the read-only transaction): for
 *     development only; default false
 */
public record SqlToolConfig(String jdbcUrl, String username, Secret password, List<String> allowedSchemas,
        List<String> allowedTables, Integer maxRows, Integer statementTimeoutMs, Integer maxConnections,
        Integer maxQueryChars, Boolean allowPrivilegedRole) {

    /** Driver parameters an admin may not set: they hold a secret, or change what the tool's guards rely on. */
    private static final Set<String> REFUSED_PARAMETERS = Set.of("password", "user", "sslpassword",
            "preferquerymode", "readonly", "readonlymode", "options", "autosave", "socketfactory",
            "socketfactoryarg", "sslfactory", "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback",
            "authenticationpluginclassname", "loggerfile", "loggerlevel");

    public SqlToolConfig {
        FieldErrors errors = new FieldErrors();
        jdbcUrl(jdbcUrl, errors);
        errors.required("config.username", username).text("config.username", username, 63);
        allowedSchemas = names("config.allowed_schemas", allowedSchemas, false, errors);
        allowedTables = names("config.allowed_tables", allowedTables, true, errors);
        if (allowedSchemas.isEmpty() && allowedTables.isEmpty()) {
            errors.add("config.allowed_schemas", "allowed_schemas or allowed_tables must name what may be read");
        }
        maxRows = ToolConfigs.intInRange("config.max_rows", maxRows, 100, 1, 10_000, errors);
        statementTimeoutMs = ToolConfigs.intInRange("config.statement_timeout_ms", statementTimeoutMs, 5_000, 1,
                120_000, errors);
        maxConnections = ToolConfigs.intInRange("config.max_connections", maxConnections, 2, 1, 16, errors);
        maxQueryChars = ToolConfigs.intInRange("config.max_query_chars", maxQueryChars, 10_000, 1, 100_000, errors);
        allowPrivilegedRole = Boolean.TRUE.equals(allowPrivilegedRole);
        errors.throwIfAny();
    }

    private static void jdbcUrl(String url, FieldErrors errors) {
        errors.required("config.jdbc_url", url);
        if (url == null) {
            return;
        }
        Properties parsed = url.startsWith("jdbc:postgresql:") ? Driver.parseURL(url, new Properties()) : null;
        if (parsed == null) {
            errors.add("config.jdbc_url", "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
            return;
        }
        for (String name : parsed.stringPropertyNames()) {
            if (REFUSED_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                errors.add("config.jdbc_url", "must not set " + name + " (use the username and password fields; "
                        + "the tool sets how statements run)");
            }
        }
    }

    private static List<String> names(String field, List<String> names, boolean qualified, FieldErrors errors) {
        List<String> valid = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            int dot = name == null ? -1 : name.indexOf('.');
            boolean ok = name != null && !name.isBlank() && name.indexOf('\0') < 0
                    && (qualified ? dot > 0 && dot < name.length() - 1 : dot < 0);
            if (ok) {
                valid.add(name);
            } else {
                errors.add(field, qualified ? "must list relations as schema.table" : "must list schema names");
            }
        }
        return List.copyOf(valid);
    }
}
