package ai.switchboard.registry.mcp;

import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import ai.switchboard.registry.snapshot.RegistryChangeRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and deletes the upstream MCP servers the gateway connects to. Blocking (JPA): call it on
 * the {@code registryScheduler}. Headers, bearer token and environment are stored encrypted and never shown; a URL
 * the gateway may not reach is refused; a server whose tools are granted can be neither renamed nor deleted. Changes
 * are audited and live when the method returns; a write that changes nothing records and bumps nothing.
 */
@Service
@Transactional
public class McpServerAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "mcp_server";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("headers", "bearer_token", "args", "env");

    static final String MASK = "********";

    private static final McpServerInspector NO_CHECKS = (url, errors) -> errors.add("url",
            "cannot be checked in this application");

    private final McpServerRepository servers;
    private final McpServerSecrets secrets;
    private final McpServerReferences references;
    private final McpServerInspector inspector;
    private final RegistryChangeRecorder changes;

    /** Without an inspector (a registry-only context) every streamable_http URL is refused: none can be checked. */
    public McpServerAdminService(McpServerRepository servers, McpServerSecrets secrets,
            McpServerReferences references, ObjectProvider<McpServerInspector> inspector,
            RegistryChangeRecorder changes) {
        this.servers = servers;
        this.secrets = secrets;
        this.references = references;
        this.inspector = inspector.getIfAvailable(() -> NO_CHECKS);
        this.changes = changes;
    }

    public McpServerView create(McpServerCommand command, String actor) {
        FieldErrors errors = new FieldErrors().required("name", command.name())
                .required("transport", command.transport());
        McpServerRules.Stored stored = new McpServerRules.Stored(command.name(), command.transport(), command.url(),
                command.command(), command.args(),
                or(command.connectTimeoutMs(), McpServerRules.DEFAULT_CONNECT_TIMEOUT_MS),
                or(command.callTimeoutMs(), McpServerRules.DEFAULT_CALL_TIMEOUT_MS),
                new McpServerSecretValues(command.headers(), command.bearerToken(), command.env()));
        check(errors, stored, true);
        errors.throwIfAny();
        if (servers.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = Instant.now();
        McpServerEntity server = new McpServerEntity(UUID.randomUUID(), command.name(), now);
        apply(server, stored, command.enabled() == null || command.enabled());
        secrets.set(server, stored.secrets());
        save(server);
        changes.recordChange(actor, "create", ENTITY, server.getId(), server.getName(), null,
                state(server, stored.secrets()), now);
        return view(server);
    }

    @Transactional(readOnly = true)
    public List<McpServerView> list() {
        return servers.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public McpServerView get(String idOrName) {
        return view(find(idOrName));
    }

    /**
     * Changes the given fields and removes the cleared ones. {@code headers} and {@code env} replace the stored ones
     * as a whole; secrets left out are kept, so a view read from the admin API can be written back. A change of
     * transport starts from no secrets and no arguments.
     */
    public McpServerView update(String idOrName, McpServerCommand command, String actor) {
        McpServerEntity server = find(idOrName);
        FieldErrors errors = new FieldErrors();
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        McpServerSecretValues current = storedSecrets(server);
        boolean retransported = command.transport() != null && !command.transport().equals(server.getTransport());
        McpServerSecretValues kept = retransported || current == null ? McpServerSecretValues.NONE : current;
        Set<String> clear = command.clear();
        McpServerSecretValues next = new McpServerSecretValues(
                clear.contains("headers") ? Map.of() : or(command.headers(), kept.headers()),
                clear.contains("bearer_token") ? null : or(command.bearerToken(), kept.bearerToken()),
                clear.contains("env") ? Map.of() : or(command.env(), kept.env()));
        String transport = or(command.transport(), server.getTransport());
        boolean stdio = McpServerRules.STDIO.equals(transport);
        McpServerRules.Stored stored = new McpServerRules.Stored(or(command.name(), server.getName()), transport,
                stdio ? command.url() : or(command.url(), retransported ? null : server.getUrl()),
                stdio ? or(command.command(), retransported ? null : server.getCommand()) : command.command(),
                clear.contains("args") ? List.of() : or(command.args(), retransported ? List.of() : server.getArgs()),
                or(command.connectTimeoutMs(), server.getConnectTimeoutMs()),
                or(command.callTimeoutMs(), server.getCallTimeoutMs()), next);
        boolean urlChanged = !Objects.equals(stored.url(), server.getUrl());
        check(errors, stored, urlChanged);
        errors.throwIfAny();
        boolean enabled = or(command.enabled(), server.isEnabled());
        // Unreadable secrets stay as they are until something replaces them.
        boolean secretsChanged = current == null
                ? command.headers() != null || command.bearerToken() != null || command.env() != null
                        || retransported || !clear.isEmpty()
                : !next.equals(current);
        boolean renamed = !stored.name().equals(server.getName());
        if (!renamed && !retransported && !urlChanged && !secretsChanged && enabled == server.isEnabled()
                && Objects.equals(stored.command(), server.getCommand()) && stored.args().equals(server.getArgs())
                && stored.connectTimeoutMs() == server.getConnectTimeoutMs()
                && stored.callTimeoutMs() == server.getCallTimeoutMs()) {
            return view(server);
        }
        if (renamed) {
            if (servers.existsByName(stored.name())) {
                throw duplicate(stored.name());
            }
            refuseIfGranted(server, "renamed; take its tools from them first");
        }
        Map<String, Object> before = state(server, current);
        apply(server, stored, enabled);
        if (secretsChanged) {
            secrets.set(server, next);
        }
        Instant now = Instant.now();
        server.touch(now);
        save(server);
        Map<String, Object> after = state(server, secretsChanged || current != null ? next : null);
        List<String> replaced = replacedSecrets(current, next);
        if (!replaced.isEmpty()) {
            // The masked state cannot show a secret whose value changed under the same name: say so.
            after.put("secrets_replaced", replaced);
        }
        changes.recordChange(actor, "update", ENTITY, server.getId(), server.getName(), before, after, now);
        return view(server);
    }

    /** Deletes the server, unless an agent or key is granted its tools (409 naming them). */
    public void delete(String idOrName, String actor) {
        McpServerEntity server = find(idOrName);
        refuseIfGranted(server, "deleted; take its tools from them first");
        Map<String, Object> before = state(server, storedSecrets(server));
        servers.delete(server);
        servers.flush();
        changes.recordChange(actor, "delete", ENTITY, server.getId(), server.getName(), before, null, Instant.now());
    }

    private void check(FieldErrors errors, McpServerRules.Stored stored, boolean urlChanged) {
        if (stored.name() != null && IdOrName.asUuid(stored.name()) != null) {
            errors.add("name", "must not look like a UUID");
        }
        FieldErrors own = new FieldErrors();
        McpServerRules.check(own, stored);
        if (own.isEmpty() && urlChanged && stored.url() != null) {
            inspector.inspectUrl(stored.url(), own);
        }
        errors.addAll(own);
    }

    private static void apply(McpServerEntity server, McpServerRules.Stored stored, boolean enabled) {
        server.setName(stored.name());
        server.setTransport(stored.transport());
        server.setUrl(stored.url());
        server.setCommand(stored.command());
        server.setArgs(stored.args());
        server.setConnectTimeoutMs(stored.connectTimeoutMs());
        server.setCallTimeoutMs(stored.callTimeoutMs());
        server.setEnabled(enabled);
    }

    /** The stored secrets, or null when they cannot be decrypted with this master key. */
    private McpServerSecretValues storedSecrets(McpServerEntity server) {
        try {
            return secrets.decrypt(server);
        } catch (CredentialDecryptionException e) {
            return null;
        }
    }

    private static List<String> replacedSecrets(McpServerSecretValues before, McpServerSecretValues after) {
        List<String> replaced = new ArrayList<>();
        if (before != null) {
            after.headers().forEach((name, value) -> {
                if (before.headers().containsKey(name) && !before.headers().get(name).equals(value)) {
                    replaced.add("headers." + name);
                }
            });
            if (before.bearerToken() != null && after.bearerToken() != null
                    && !before.bearerToken().equals(after.bearerToken())) {
                replaced.add("bearer_token");
            }
            after.env().forEach((name, value) -> {
                if (before.env().containsKey(name) && !before.env().get(name).equals(value)) {
                    replaced.add("env." + name);
                }
            });
        }
        return replaced;
    }

    private void refuseIfGranted(McpServerEntity server, String advice) {
        List<String> users = references.holders(server.getName());
        if (!users.isEmpty()) {
            throw new RegistryConflictException("MCP server '" + server.getName() + "' has tools granted to "
                    + users + " and cannot be " + advice);
        }
    }

    private McpServerView view(McpServerEntity server) {
        McpServerSecretValues stored = storedSecrets(server);
        return new McpServerView(server.getId(), server.getName(), server.getTransport(), server.getUrl(),
                stored == null ? null : masked(stored.headers()),
                stored == null || stored.bearerToken() == null ? null : MASK, server.getCommand(),
                List.copyOf(server.getArgs()), stored == null ? null : masked(stored.env()),
                server.getConnectTimeoutMs(), server.getCallTimeoutMs(), server.isEnabled(),
                (stored == null ? ProviderStatus.CREDENTIAL_ERROR : ProviderStatus.OK).wire(),
                server.getRevision(), server.getCreatedAt(), server.getUpdatedAt());
    }

    private McpServerEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? servers.findById(id) : servers.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(McpServerEntity server) {
        ColumnLimits.check(server);
        try {
            servers.saveAndFlush(server);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, server.getName(), server);
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("An MCP server named '" + name + "' already exists", "name");
    }

    static Map<String, String> masked(Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.keySet().forEach(name -> masked.put(name, MASK));
        return masked;
    }

    /** The audited state: secrets masked ({@code null} when they cannot be read). */
    private static Map<String, Object> state(McpServerEntity server, McpServerSecretValues secrets) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("transport", server.getTransport());
        fields.put("url", server.getUrl());
        fields.put("command", server.getCommand());
        fields.put("args", List.copyOf(server.getArgs()));
        fields.put("connect_timeout_ms", server.getConnectTimeoutMs());
        fields.put("call_timeout_ms", server.getCallTimeoutMs());
        fields.put("enabled", server.isEnabled());
        if (secrets == null) {
            fields.put("secrets", null);
        } else {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("headers", masked(secrets.headers()));
            shown.put("bearer_token", secrets.bearerToken() == null ? null : MASK);
            shown.put("env", masked(secrets.env()));
            fields.put("secrets", shown);
        }
        return RegistryChangeRecorder.state(server.getName(), fields);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
