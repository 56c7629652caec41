package ai.switchboard.registry.tool;

import ai.switchboard.registry.crypto.CredentialCipher;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the secret fields of a tool's configuration: one JSON object encrypted with the master key and
 * bound to the tool's id and to this field, so it cannot be moved onto another tool, or into a provider's columns.
 */
@Component
public class ToolSecrets {

    /** The field name bound into the ciphertext. */
    static final String FIELD = "tool_secrets";

    /** What the admin API and the audit trail show for every secret value. */
    static final String MASK = "********";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final CredentialCipher cipher;

    public ToolSecrets(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * The secret fields in plaintext; empty when none is stored.
     *
     * @throws CredentialDecryptionException if they cannot be decrypted with this master key
     */
    public ObjectNode decrypt(ToolEntity tool) {
        if (tool.getSecretsCiphertext() == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        String json = cipher.decrypt(tool.getSecretsCiphertext(), tool.getId(), FIELD);
        try {
            if (JSON.readTree(json) instanceof ObjectNode secrets) {
                return secrets;
            }
        } catch (JacksonException e) {
            // reported below, without the text, which may be partly a secret
        }
        throw new CredentialDecryptionException("The " + FIELD + " of tool " + tool.getId()
                + " decrypt to something that is not a JSON object");
    }

    /** Encrypts and stores the secret fields (none: no ciphertext at all). */
    void set(ToolEntity tool, ObjectNode secrets) {
        tool.setSecretsCiphertext(secrets.isEmpty() ? null
                : cipher.encrypt(JSON.writeValueAsString(secrets), tool.getId(), FIELD));
    }

    /** The fields of {@code config} that hold secrets, as they were given (nulls included: they remove one). */
    static ObjectNode secretPart(JsonNode config, Set<String> secretFields) {
        ObjectNode part = JsonNodeFactory.instance.objectNode();
        for (String field : secretFields) {
            if (config.has(field)) {
                part.set(field, config.get(field));
            }
        }
        return part;
    }

    /** {@code config} without the fields that hold secrets. */
    static ObjectNode publicPart(JsonNode config, Set<String> secretFields) {
        ObjectNode part = ((ObjectNode) config).deepCopy();
        secretFields.forEach(part::remove);
        return part;
    }

    /**
     * The secrets with every value masked and every key kept (header and parameter names are not secret): what the
     * admin API and the audit trail show, so an admin sees which secrets are set.
     */
    static JsonNode masked(JsonNode secrets) {
        if (secrets.isObject()) {
            ObjectNode masked = JsonNodeFactory.instance.objectNode();
            secrets.properties().forEach(entry -> masked.set(entry.getKey(), masked(entry.getValue())));
            return masked;
        }
        return JsonNodeFactory.instance.stringNode(MASK);
    }
}
