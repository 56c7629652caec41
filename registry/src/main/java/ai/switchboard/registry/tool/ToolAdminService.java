package ai.switchboard.registry.tool;

import ai.switchboard.registry.ProviderStatus;
import ai.switchboard.registry.admin.ColumnLimits;
import ai.switchboard.registry.admin.DatabaseErrors;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.IdOrName;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.StorableJson;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, reads, changes and deletes tools: instances of the built-in tool types. Blocking (JPA): call it on the
 * {@code registryScheduler}. Every write is checked as a whole by the tool type ({@link ToolTypeInspector}), every
 * problem at once; the secret fields of the configuration are stored encrypted and never shown; a tool granted to an
 * agent or a key ({@link ToolReferences}) can be neither renamed nor deleted. Changes are audited and live when the
 * method returns; a write that changes nothing records and bumps nothing.
 */
@Service
@Transactional
public class ToolAdminService {

    /** The entity type in audit rows and error messages. */
    public static final String ENTITY = "tool";

    /** The optional fields a PATCH may remove. */
    public static final Set<String> CLEARABLE = Set.of("description");

    static final int MAX_DESCRIPTION = 1024;
    /** The longest configuration, as JSON text, with and without its secrets: tools are read on every rebuild. */
    static final int MAX_CONFIG_CHARS = 65_536;

    private static final JsonMapper JSON = JsonMapper.shared();

    private static final ToolTypeInspector NO_TYPES = new ToolTypeInspector() {
        @Override
        public Set<String> types() {
            return Set.of();
        }

        @Override
        public Set<String> secretFields(String type) {
            return Set.of();
        }

        @Override
        public void inspect(String name, String type, String description, JsonNode config, FieldErrors errors) {
            errors.add("type", "no tool types are available in this application");
        }
    };

    private final ToolRepository tools;
    private final ToolSecrets secrets;
    private final ToolReferences references;
    private final ToolTypeInspector types;
    private final RegistryChangeRecorder changes;

    /**
     * The inspector comes from the application, which knows the tool types; without one (a registry-only context)
     * every tool write is rejected.
     */
    public ToolAdminService(ToolRepository tools, ToolSecrets secrets, ToolReferences references,
            ObjectProvider<ToolTypeInspector> types, RegistryChangeRecorder changes) {
        this.tools = tools;
        this.secrets = secrets;
        this.references = references;
        this.types = types.getIfAvailable(() -> NO_TYPES);
        this.changes = changes;
    }

    /** The configuration fields of {@code type} that hold secrets. */
    public Set<String> secretFields(String type) {
        return types.secretFields(type);
    }

    public ToolView create(ToolCommand command, String actor) {
        FieldErrors errors = new FieldErrors().required("name", command.name()).required("type", command.type());
        checkFields(errors, command.name(), command.description());
        Configured configured = configure(errors, command.type(), command.config(), emptyObject());
        if (configured != null) {
            types.inspect(command.name(), command.type(), command.description(), configured.full(), errors);
        }
        errors.throwIfAny();
        if (tools.existsByName(command.name())) {
            throw duplicate(command.name());
        }
        Instant now = Instant.now();
        ToolEntity tool = new ToolEntity(UUID.randomUUID(), command.name(), now);
        tool.setType(command.type());
        tool.setDescription(command.description());
        tool.setConfig(configured.config());
        secrets.set(tool, configured.secrets());
        save(tool);
        changes.recordChange(actor, "create", ENTITY, tool.getId(), tool.getName(), null,
                state(tool, configured.secrets()), now);
        return view(tool);
    }

    @Transactional(readOnly = true)
    public List<ToolView> list() {
        return tools.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ToolView get(String idOrName) {
        return view(find(idOrName));
    }

    /**
     * Changes the given fields and removes the cleared ones. A new {@code config} replaces the stored one but keeps
     * the secret fields it leaves out (so a configuration read from the admin API, which shows none, can be written
     * back); a new {@code type} needs a new {@code config} and starts without secrets.
     */
    public ToolView update(String idOrName, ToolCommand command, String actor) {
        ToolEntity tool = find(idOrName);
        FieldErrors errors = new FieldErrors();
        checkFields(errors, command.name(), command.description());
        command.clear().stream().filter(field -> !CLEARABLE.contains(field))
                .forEach(field -> errors.add(field, "cannot be removed"));
        String name = command.name() == null ? tool.getName() : command.name();
        String type = command.type() == null ? tool.getType() : command.type();
        String description = command.clear().contains("description") ? null
                : command.description() == null ? tool.getDescription() : command.description();
        boolean retyped = !type.equals(tool.getType());
        if (retyped && command.config() == null) {
            errors.add("config", "is required when the type changes");
        }
        ObjectNode stored = storedSecrets(tool);
        Configured configured = null;
        if (command.config() == null && !retyped) {
            configured = new Configured(tool.getConfig(), stored == null ? emptyObject() : stored);
        } else if (command.config() != null) {
            configured = configure(errors, type, command.config(), retyped || stored == null ? emptyObject() : stored);
        } else if (!types.types().contains(type)) {
            errors.add("type", "must be one of " + types.types().stream().sorted().toList());
        }
        if (configured != null) {
            types.inspect(name, type, description, configured.full(), errors);
        }
        errors.throwIfAny();
        boolean renamed = !name.equals(tool.getName());
        boolean secretsTouched = command.config() != null || retyped;
        // Unreadable secrets (stored == null) stay as they are until a configuration replaces them.
        boolean secretsChanged = secretsTouched && (stored == null
                ? tool.getSecretsCiphertext() != null || !configured.secrets().isEmpty()
                : !configured.secrets().equals(stored));
        if (!renamed && !retyped && Objects.equals(description, tool.getDescription()) && !secretsChanged
                && StorableJson.same(JSON.valueToTree(configured.config()), JSON.valueToTree(tool.getConfig()))) {
            return view(tool);
        }
        if (renamed) {
            if (tools.existsByName(name)) {
                throw duplicate(name);
            }
            refuseIfGranted(tool, "renamed; change their grants first");
        }
        Map<String, Object> before = state(tool, stored);
        List<String> replaced = replacedSecrets(stored, configured.secrets());
        tool.setName(name);
        tool.setType(type);
        tool.setDescription(description);
        tool.setConfig(configured.config());
        if (secretsChanged) {
            secrets.set(tool, configured.secrets());
        }
        Instant now = Instant.now();
        tool.touch(now);
        save(tool);
        Map<String, Object> after = state(tool, configured.secrets());
        if (!replaced.isEmpty()) {
            // The masked state cannot show a secret whose value changed under the same name: say so.
            after.put("secrets_replaced", replaced);
        }
        changes.recordChange(actor, "update", ENTITY, tool.getId(), tool.getName(), before, after, now);
        return view(tool);
    }

    /** Deletes the tool, unless an agent or a key is granted it (409 naming them). */
    public void delete(String idOrName, String actor) {
        ToolEntity tool = find(idOrName);
        refuseIfGranted(tool, "deleted; take it from them first");
        Map<String, Object> before = state(tool, storedSecrets(tool));
        tools.delete(tool);
        tools.flush();
        changes.recordChange(actor, "delete", ENTITY, tool.getId(), tool.getName(), before, null, Instant.now());
    }

    private static void checkFields(FieldErrors errors, String name, String description) {
        if (name != null && IdOrName.asUuid(name) != null) {
            errors.add("name", "must not look like a UUID");
        }
        errors.lines("description", description, MAX_DESCRIPTION);
    }

    /**
     * The configuration to store, split into its public part and its secrets: the given secret fields replace
     * {@code keptSecrets}' (a JSON {@code null} removes one), and the ones it leaves out are kept. Null, with the
     * problem in {@code errors}, when it cannot be stored.
     */
    private Configured configure(FieldErrors errors, String type, JsonNode config, ObjectNode keptSecrets) {
        if (config == null || !config.isObject()) {
            errors.add("config", "must be a JSON object");
            return null;
        }
        Set<String> secretFields = types.secretFields(type);
        ObjectNode nextSecrets = keptSecrets.deepCopy();
        ToolSecrets.secretPart(config, secretFields).properties().forEach(field -> {
            if (field.getValue().isNull()) {
                nextSecrets.remove(field.getKey());
            } else {
                nextSecrets.set(field.getKey(), field.getValue());
            }
        });
        Map<String, Object> stored = StorableJson.object(errors, "config", ToolSecrets.publicPart(config, secretFields),
                MAX_CONFIG_CHARS);
        if (JSON.writeValueAsString(nextSecrets).length() > MAX_CONFIG_CHARS) {
            errors.add("config", "must hold at most " + MAX_CONFIG_CHARS + " characters of secrets as JSON");
            return null;
        }
        return stored == null ? null : new Configured(stored, nextSecrets);
    }

    /** The stored secrets, or null when they cannot be decrypted with this master key. */
    private ObjectNode storedSecrets(ToolEntity tool) {
        try {
            return secrets.decrypt(tool);
        } catch (CredentialDecryptionException e) {
            return null; // written with another master key: a new configuration replaces them
        }
    }

    private static List<String> replacedSecrets(ObjectNode before, ObjectNode after) {
        List<String> replaced = new ArrayList<>();
        if (before != null) {
            after.properties().forEach(field -> {
                JsonNode old = before.get(field.getKey());
                if (old != null && !old.equals(field.getValue())
                        && ToolSecrets.masked(old).equals(ToolSecrets.masked(field.getValue()))) {
                    replaced.add(field.getKey());
                }
            });
        }
        return replaced;
    }

    private void refuseIfGranted(ToolEntity tool, String advice) {
        List<String> users = references.holders(tool.getName());
        if (!users.isEmpty()) {
            throw new RegistryConflictException("Tool '" + tool.getName() + "' is granted to " + users
                    + " and cannot be " + advice);
        }
    }

    private ToolView view(ToolEntity tool) {
        ObjectNode stored = storedSecrets(tool);
        return new ToolView(tool.getId(), tool.getName(), tool.getType(), tool.getDescription(),
                JSON.valueToTree(tool.getConfig()), stored == null ? null : ToolSecrets.masked(stored),
                (stored == null ? ProviderStatus.CREDENTIAL_ERROR : ProviderStatus.OK).wire(), tool.getRevision(),
                tool.getCreatedAt(), tool.getUpdatedAt());
    }

    private ToolEntity find(String idOrName) {
        UUID id = IdOrName.asUuid(idOrName);
        return (id != null ? tools.findById(id) : tools.findByName(idOrName))
                .orElseThrow(() -> new RegistryNotFoundException(ENTITY, idOrName));
    }

    private void save(ToolEntity tool) {
        ColumnLimits.check(tool);
        try {
            tools.saveAndFlush(tool);
        } catch (DataAccessException e) {
            throw DatabaseErrors.translate(e, ENTITY, tool.getName(), tool);
        }
    }

    private static RegistryConflictException duplicate(String name) {
        return new RegistryConflictException("A tool named '" + name + "' already exists", "name");
    }

    /** The audited state: secrets masked ({@code null} when they cannot be read). */
    private static Map<String, Object> state(ToolEntity tool, ObjectNode secrets) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", tool.getType());
        fields.put("description", tool.getDescription());
        fields.put("config", tool.getConfig());
        fields.put("secrets", secrets == null ? null : JSON.convertValue(ToolSecrets.masked(secrets), Map.class));
        return RegistryChangeRecorder.state(tool.getName(), fields);
    }

    private static ObjectNode emptyObject() {
        return JSON.createObjectNode();
    }

    /** A configuration as stored: its public part as a map, and its secret fields. */
    private record Configured(Map<String, Object> config, ObjectNode secrets) {

        JsonNode full() {
            ObjectNode full = JSON.valueToTree(config);
            full.setAll(secrets);
            return full;
        }
    }
}
