package ai.switchboard.registry.mcp;

import ai.switchboard.registry.crypto.CredentialCipher;
import ai.switchboard.registry.crypto.CredentialDecryptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes a server's secrets: one JSON object encrypted with the master key and bound to the server's id
 * and to this field, so the ciphertext cannot be moved onto another server or into a tool's or provider's columns.
 */
@Component
public class McpServerSecrets {

    static final String FIELD = "mcp_server_secrets";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final CredentialCipher cipher;

    public McpServerSecrets(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * The secrets in plaintext; {@link McpServerSecretValues#NONE} when none is stored.
     *
     * @throws CredentialDecryptionException if they cannot be decrypted with this master key
     */
    public McpServerSecretValues decrypt(McpServerEntity server) {
        if (server.getSecretsCiphertext() == null) {
            return McpServerSecretValues.NONE;
        }
        String json = cipher.decrypt(server.getSecretsCiphertext(), server.getId(), FIELD);
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree.isObject()) {
                return new McpServerSecretValues(strings(tree.path("headers")),
                        tree.path("bearer_token").isString() ? tree.path("bearer_token").asString() : null,
                        strings(tree.path("env")));
            }
        } catch (JacksonException e) {
            // reported below, without the text, which may be partly a secret
        }
        throw new CredentialDecryptionException("The " + FIELD + " of MCP server " + server.getId()
                + " decrypt to something that is not a JSON object");
    }

    /** Encrypts and stores the secrets (none: no ciphertext at all). */
    void set(McpServerEntity server, McpServerSecretValues secrets) {
        if (secrets.isEmpty()) {
            server.setSecretsCiphertext(null);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("headers", secrets.headers());
        json.put("bearer_token", secrets.bearerToken());
        json.put("env", secrets.env());
        server.setSecretsCiphertext(cipher.encrypt(JSON.writeValueAsString(json), server.getId(), FIELD));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        }
        return values;
    }
}
