package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.mcp.McpServerAdminService;
import ai.switchboard.registry.mcp.McpServerCommand;
import ai.switchboard.registry.mcp.McpServerRepository;
import ai.switchboard.registry.mcp.McpServerView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code mcp_servers:} — matched by name, after tools and before agents (agents are granted a server's tools).
 * Each entry is written through the admin service, so it is validated exactly as an admin API write is; secrets
 * come from the environment variables {@code secrets_env} names, and the file never holds one.
 */
@Component
class McpServerSection implements DeclarativeSection {

    private static final Set<String> SECRET_FIELDS = Set.of("bearer_token", "headers", "env");

    private final McpServerAdminService service;
    private final McpServerRepository servers;

    McpServerSection(McpServerAdminService service, McpServerRepository servers) {
        this.service = service;
        this.servers = servers;
    }

    @Override
    public String key() {
        return "mcp_servers";
    }

    @Override
    public int order() {
        return 330;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            McpServerEntry entry = context.bind(entries.get(i), path, McpServerEntry.class, McpServerEntry.FIELDS,
                    McpServerEntry.INLINE_SECRETS);
            if (entry == null) {
                continue;
            }
            Secrets secrets = secrets(entry.secretsEnv(), path + ".secrets_env", context);
            if (secrets == null) {
                continue;
            }
            try {
                result = result.plus(upsert(entry, secrets, context.actor()));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(McpServerEntry entry, Secrets secrets, String actor) {
        McpServerCommand command = new McpServerCommand(entry.name(), entry.transport(), entry.url(),
                secrets.headers(), secrets.bearerToken(), entry.command(), entry.args(), secrets.env(),
                entry.connectTimeoutMs(), entry.callTimeoutMs(), entry.enabled(), Set.of());
        // Looked up before the service is asked: its "not found" would mark the whole apply for rollback.
        if (entry.name() == null || servers.findByName(entry.name()).isEmpty()) {
            service.create(command, actor);
            return SectionResult.ofCreated();
        }
        long before = service.get(entry.name()).revision();
        McpServerView after = service.update(entry.name(), command, actor);
        return after.revision() == before ? SectionResult.ofUnchanged() : SectionResult.ofUpdated();
    }

    /** The secrets {@code secrets_env} names, read from the environment; null (errors recorded) when one is not set. */
    private static Secrets secrets(JsonNode declared, String field, ApplyContext context) {
        if (declared == null) {
            return new Secrets(null, null, null);
        }
        if (!declared.isObject()) {
            context.error(field, "must map bearer_token, headers and env to environment variable names");
            return null;
        }
        boolean ok = true;
        for (String name : declared.propertyNames()) {
            if (!SECRET_FIELDS.contains(name)) {
                context.error(field + "." + name, "is not a secret field; expected one of [bearer_token, env, "
                        + "headers]");
                ok = false;
            }
        }
        String token = null;
        if (declared.has("bearer_token")) {
            token = variable(declared.get("bearer_token"), field + ".bearer_token", context);
            ok &= token != null;
        }
        Map<String, String> headers = declared.has("headers")
                ? variables(declared.get("headers"), field + ".headers", context) : null;
        Map<String, String> env = declared.has("env") ? variables(declared.get("env"), field + ".env", context) : null;
        ok &= (headers != null || !declared.has("headers")) && (env != null || !declared.has("env"));
        return ok ? new Secrets(headers, token, env) : null;
    }

    private static Map<String, String> variables(JsonNode declared, String field, ApplyContext context) {
        if (!declared.isObject()) {
            context.error(field, "must map names to environment variable names");
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean ok = true;
        for (String name : declared.propertyNames()) {
            String value = variable(declared.get(name), field + "." + name, context);
            ok &= value != null;
            values.put(name, value);
        }
        return ok ? values : null;
    }

    private static String variable(JsonNode declared, String field, ApplyContext context) {
        if (!declared.isString()) {
            context.error(field, "must name an environment variable");
            return null;
        }
        String value = context.env(declared.asString());
        if (value == null) {
            context.error(field, "environment variable " + declared.asString() + " is not set");
        }
        return value;
    }

    @Override
    public List<McpServerEntry> export() {
        return service.list().stream().map(server -> new McpServerEntry(server.name(), server.transport(),
                server.url(), server.command(), server.args().isEmpty() ? null : server.args(),
                server.connectTimeoutMs(), server.callTimeoutMs(), server.enabled(), null)).toList();
    }

    private record Secrets(Map<String, String> headers, String bearerToken, Map<String, String> env) {
    }

    @Override
    public String historyType() {
        return McpServerAdminService.ENTITY;
    }

    /** Headers and the bearer token are never in the history: a re-created server comes back disabled. */
    @Override
    public SecretRestore secretRestore() {
        return SecretRestore.MISSING;
    }
}
