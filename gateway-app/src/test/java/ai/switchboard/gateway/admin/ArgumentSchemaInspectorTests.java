package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's answer schema is accepted only if the tools' schema rules can apply it: valid for its draft, and
 * resolvable inside itself (a remote reference is refused, and never fetched).
 */
class ArgumentSchemaInspectorTests {

    private final ArgumentSchemaInspector inspector = new ArgumentSchemaInspector();

    @Test
    void aValidSchemaPasses() {
        FieldErrors errors = new FieldErrors();

        inspector.inspect("response_format", json("{\"type\": \"object\", \"required\": [\"answer\"], "
                + "\"properties\": {\"answer\": {\"type\": \"string\"}}}"), errors);

        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void aReferenceIntoTheSchemaItselfPasses() {
        FieldErrors errors = new FieldErrors();

        inspector.inspect("response_format", json("{\"$defs\": {\"id\": {\"type\": \"string\"}}, "
                + "\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/id\"}}}"), errors);

        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void aSchemaTheValidatorWouldReadLenientlyIsRefused() {
        for (String schema : new String[] {"{\"type\": \"strng\"}", "{\"required\": \"answer\"}",
                "{\"properties\": {\"a\": {\"type\": 12}}}", "[]", "\"object\""}) {
            FieldErrors errors = new FieldErrors();

            inspector.inspect("response_format", json(schema), errors);

            assertThatThrownBy(errors::throwIfAny).as(schema).isInstanceOfSatisfying(
                    RegistryValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("response_format"));
        }
    }

    @Test
    void aRemoteReferenceIsNeverFetchedOnWrite() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(300);
            FieldErrors errors = new FieldErrors();

            inspector.inspect("response_format", json("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": "
                    + "\"http://127.0.0.1:" + listener.getLocalPort() + "/schema.json\"}}}"), errors);

            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
            assertThat(errors.isEmpty()).as("it could never be applied").isFalse();
        }
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
