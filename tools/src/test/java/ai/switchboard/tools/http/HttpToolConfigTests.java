package ai.switchboard.tools.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.tools.Tool;
import ai.switchboard.tools.ToolDefinition;
import ai.switchboard.tools.ToolTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpToolConfigTests {

    private final ToolTypes types = new ToolTypes(List.of(new HttpToolType(new TestDns())));

    @Test
    void appliesDefaultsAndKeepsSecretsOutOfToString() {
        HttpToolConfig config = bind("""
                {"targets": ["https://api.example.com/v1/"], "secret_headers": {"Authorization": "Bearer abc123"}}
                """);

        assertThat(config.methods()).containsExactly("GET");
        assertThat(config.timeoutMs()).isEqualTo(10_000);
        assertThat(config.maxResponseBytes()).isEqualTo(262_144);
        assertThat(config.maxRedirects()).isEqualTo(3);
        assertThat(config.responseHeaders()).containsExactly("content-type", "location");
        assertThat(config.toString()).doesNotContain("abc123");
    }

    @Test
    void reportsEveryProblemUnderItsField() {
        List<FieldError> errors = errors("""
                {"targets": ["ftp://x/", "https://ok.example/"], "methods": ["GET", "PUT"], "timeout_ms": 0,
                 "max_redirects": 11, "headers": {"Host": "evil", "X-Ok": "a\\r\\nb"}, "allowed_cidrs": ["10.0.0.0/33"],
                 "body_schema": {"type": "object"}, "surprise": true}
                """);

        assertThat(errors).extracting(FieldError::field).contains("config.targets[0]");
        List<FieldError> semantic = errors("""
                {"targets": ["https://ok.example/"], "methods": ["GET", "PUT"], "timeout_ms": 0, "max_redirects": 11,
                 "headers": {"Host": "evil", "X-Ok": "a\\r\\nb"}, "body_schema": {"type": "object"}}
                """);
        assertThat(semantic).extracting(FieldError::field).containsExactlyInAnyOrder("config.methods",
                "config.timeout_ms", "config.max_redirects", "config.headers.Host", "config.headers.X-Ok",
                "config.body_schema");
        assertThat(errors("{\"targets\": [\"https://ok.example/\"], \"surprise\": 1}"))
                .containsExactly(new FieldError("config.surprise", "is not a known field"));
        assertThat(errors("{\"targets\": [\"https://ok.example/\"], \"allowed_cidrs\": [\"10.0.0.0/33\"]}"))
                .extracting(FieldError::field).containsExactly("config.allowed_cidrs[0]");
        assertThat(errors("{\"targets\": [\"https://ok.example/\"], \"timeout_ms\": \"5\"}"))
                .extracting(FieldError::field).containsExactly("config.timeout_ms");
        assertThat(errors("{\"targets\": []}")).extracting(FieldError::field).containsExactly("config.targets");
    }

    @Test
    void aToolNameProvidersWouldRefuseIsRefusedOnWrite() {
        FieldErrors errors = new FieldErrors();
        types.validate(new ToolDefinition("crm lookup", "http", null,
                WireJson.mapper().readTree("{\"targets\": [\"https://ok.example/\"]}")), errors);
        FieldErrors unknown = new FieldErrors();
        types.validate(new ToolDefinition("x", "smtp", null, WireJson.mapper().createObjectNode()), unknown);

        assertThatThrownBy(errors::throwIfAny).isInstanceOf(RegistryValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(unknown::throwIfAny).hasMessageContaining("type: must be one of [http]");
    }

    @Test
    void theSpecDescribesTargetsAndMethodsButNoHeaders() {
        Tool tool = types.create(new ToolDefinition("crm", "http", "Look up a customer", WireJson.mapper().readTree("""
                {"targets": ["https://crm.example/api/"], "methods": ["POST", "GET"],
                 "headers": {"X-Tenant": "acme"}, "secret_headers": {"Authorization": "Basic c2VjcmV0"}}
                """)));
        try {
            String spec = tool.spec().toOpenAiTool().toString();

            assertThat(spec).contains("Look up a customer", "https://crm.example/api/", "\"POST\"", "\"GET\"")
                    .doesNotContain("acme", "c2VjcmV0", "X-Tenant", "Authorization");
            assertThat(types.secretFields("http")).containsExactlyInAnyOrder("secret_headers", "secret_query");
        } finally {
            tool.close();
        }
    }

    private HttpToolConfig bind(String json) {
        FieldErrors errors = new FieldErrors();
        HttpToolConfig config = ai.switchboard.tools.ToolConfigs.bind(WireJson.mapper().readTree(json),
                HttpToolConfig.class, errors);
        errors.throwIfAny();
        return config;
    }

    private List<FieldError> errors(String json) {
        try {
            bind(json);
        } catch (RegistryValidationException e) {
            return e.errors();
        }
        return List.of();
    }
}
