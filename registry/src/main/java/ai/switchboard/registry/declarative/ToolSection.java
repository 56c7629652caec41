package ai.switchboard.registry.declarative;

import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.admin.StorableJson;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import ai.switchboard.registry.tool.ToolAdminService;
import ai.switchboard.registry.tool.ToolCommand;
import ai.switchboard.registry.tool.ToolRepository;
import ai.switchboard.registry.tool.ToolSecrets;
import ai.switchboard.registry.tool.ToolView;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tools:} — matched by name, after routes and before agents (agents are granted tools). Each entry is written
 * through the admin service, so it is validated exactly as an admin API write is; secrets come from the environment
 * variables {@code secrets_env} names, and the file never holds one.
 */
@Component
class ToolSection implements DeclarativeSection {

    private final ToolAdminService service;
    private final ToolRepository tools;
    private final ToolSecrets secrets;

    ToolSection(ToolAdminService service, ToolRepository tools, ToolSecrets secrets) {
        this.service = service;
        this.tools = tools;
        this.secrets = secrets;
    }

    @Override
    public String key() {
        return "tools";
    }

    @Override
    public int order() {
        return 320;
    }

    @Override
    public SectionResult apply(List<JsonNode> entries, ApplyContext context) {
        SectionResult result = SectionResult.none();
        for (int i = 0; i < entries.size(); i++) {
            String path = key() + "[" + i + "]";
            ToolEntry entry = context.bind(entries.get(i), path, ToolEntry.class, ToolEntry.FIELDS,
                    ToolEntry.INLINE_SECRETS);
            if (entry == null) {
                continue;
            }
            try {
                ToolView stored = entry.name() == null ? null : find(entry.name());
                String type = entry.type() != null ? entry.type() : stored == null ? null : stored.type();
                ObjectNode declared = declaredSecrets(entry, path, type, context);
                boolean noInline = noInlineSecrets(entry, path, type, context);
                if (declared == null || !noInline) {
                    continue;
                }
                result = result.plus(upsert(entry, stored, declared, context.actor()));
            } catch (RegistryValidationException e) {
                context.errors(path, e);
            } catch (RegistryConflictException | RegistryNotFoundException e) {
                context.error(path, e.getMessage());
            }
        }
        return result;
    }

    private SectionResult upsert(ToolEntry entry, ToolView stored, ObjectNode declared, String actor) {
        JsonNode config = config(entry, stored, declared);
        if (stored == null) {
            service.create(new ToolCommand(entry.name(), entry.type(), entry.description(), config, Set.of()), actor);
            return SectionResult.ofCreated();
        }
        // Nothing is written (or validated again) when the file says what is stored: an export applies as-is even
        // where the tool types are not known, as in a registry without the tools module.
        String type = differs(entry.type(), stored.type());
        String description = differs(entry.description(), stored.description());
        boolean configChanged = entry.config() != null && !StorableJson.same(entry.config(), stored.config());
        if (type == null && description == null && !configChanged && !secretsDiffer(stored, declared)) {
            return SectionResult.ofUnchanged();
        }
        service.update(stored.name(), new ToolCommand(null, type, description,
                configChanged || !declared.isEmpty() || type != null ? config : null, Set.of()), actor);
        return SectionResult.ofUpdated();
    }

    /** Whether a declared secret differs from the stored one (an unreadable stored secret always does). */
    private boolean secretsDiffer(ToolView stored, ObjectNode declared) {
        if (declared.isEmpty()) {
            return false;
        }
        ObjectNode current;
        try {
            current = secrets.decrypt(tools.findById(stored.id()).orElseThrow());
        } catch (CredentialDecryptionException e) {
            return true;
        }
        for (String field : declared.propertyNames()) {
            if (!declared.get(field).equals(current.get(field))) {
                return true;
            }
        }
        return false;
    }

    private static <T> T differs(T wanted, T current) {
        return wanted == null || Objects.equals(wanted, current) ? null : wanted;
    }

    /** The configuration to write: the declared one (else the stored one, when only secrets are declared). */
    private static JsonNode config(ToolEntry entry, ToolView stored, ObjectNode declared) {
        if (entry.config() == null && (declared.isEmpty() || stored == null)) {
            return entry.config();
        }
        JsonNode base = entry.config() != null ? entry.config() : stored.config();
        if (!base.isObject()) {
            return base; // the service says what is wrong with it
        }
        ObjectNode config = ((ObjectNode) base).deepCopy();
        config.setAll(declared);
        return config;
    }

    /** Looked up before the service is asked: its "not found" would mark the whole apply for rollback. */
    private ToolView find(String name) {
        return tools.findByName(name).isPresent() ? service.get(name) : null;
    }

    /** Refuses secret fields written in {@code config}: they belong in the environment. */
    private boolean noInlineSecrets(ToolEntry entry, String path, String type, ApplyContext context) {
        boolean ok = true;
        if (entry.config() != null && entry.config().isObject() && type != null) {
            for (String field : service.secretFields(type)) {
                if (entry.config().has(field)) {
                    context.error(path + ".config." + field, "holds secrets, which are never written in the file; "
                            + "name the environment variables that hold them in secrets_env." + field);
                    ok = false;
                }
            }
        }
        return ok;
    }

    /**
     * The secret fields {@code secrets_env} names, with each environment variable's name replaced by its value;
     * empty when there is none, null (with errors recorded) when one is not a secret field or not set.
     */
    private ObjectNode declaredSecrets(ToolEntry entry, String path, String type, ApplyContext context) {
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        JsonNode declared = entry.secretsEnv();
        if (declared == null) {
            return resolved;
        }
        String field = path + ".secrets_env";
        if (!declared.isObject()) {
            context.error(field, "must map secret fields to environment variable names");
            return null;
        }
        Set<String> secretFields = type == null ? Set.of() : service.secretFields(type);
        boolean ok = true;
        for (String name : declared.propertyNames()) {
            if (!secretFields.contains(name)) {
                context.error(field + "." + name, "is not a secret field of the tool type; expected one of "
                        + new TreeSet<>(secretFields));
                ok = false;
                continue;
            }
            JsonNode value = resolve(declared.get(name), field + "." + name, context);
            if (value == null) {
                ok = false;
            } else {
                resolved.set(name, value);
            }
        }
        return ok ? resolved : null;
    }

    /** A variable's name becomes its value; a mapping (of header names, say) is resolved value by value. */
    private static JsonNode resolve(JsonNode declared, String field, ApplyContext context) {
        if (declared.isString()) {
            String value = context.env(declared.asString());
            if (value == null) {
                context.error(field, "environment variable " + declared.asString() + " is not set");
                return null;
            }
            return JsonNodeFactory.instance.stringNode(value);
        }
        if (declared.isObject() && !declared.isEmpty()) {
            ObjectNode resolved = JsonNodeFactory.instance.objectNode();
            boolean ok = true;
            for (String name : declared.propertyNames()) {
                JsonNode value = resolve(declared.get(name), field + "." + name, context);
                ok &= value != null;
                if (value != null) {
                    resolved.set(name, value);
                }
            }
            return ok ? resolved : null;
        }
        context.error(field, "must name an environment variable, or map names to environment variables");
        return null;
    }

    @Override
    public List<ToolEntry> export() {
        return service.list().stream()
                .map(tool -> new ToolEntry(tool.name(), tool.type(), tool.description(), tool.config(), null))
                .toList();
    }

    @Override
    public String historyType() {
        return ToolAdminService.ENTITY;
    }

    @Override
    public SecretRestore secretRestore() {
        return SecretRestore.MISSING;
    }
}
