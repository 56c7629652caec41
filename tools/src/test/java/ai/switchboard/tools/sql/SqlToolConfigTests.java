package ai.switchboard.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.tools.ToolConfigs;
import ai.switchboard.tools.ToolTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlToolConfigTests {

    @Test
    void appliesDefaultsAndKeepsThePasswordOutOfToString() {
        SqlToolConfig config = bind("""
                {"jdbc_url": "jdbc:postgresql://db:5432/shop?sslmode=require", "username": "agent_reader",
                 "password": "s3cr3t-pw", "allowed_tables": ["public.orders"]}
                """);

        assertThat(config.maxRows()).isEqualTo(100);
        assertThat(config.statementTimeoutMs()).isEqualTo(5_000);
        assertThat(config.maxConnections()).isEqualTo(2);
        assertThat(config.allowPrivilegedRole()).isFalse();
        assertThat(config.toString()).doesNotContain("s3cr3t-pw");
        assertThat(new ToolTypes(List.of(new SqlToolType())).secretFields("sql")).containsExactly("password");
    }

    @Test
    void refusesUrlParametersThatHideASecretOrWeakenTheGuards() {
        for (String parameter : List.of("password=x", "user=postgres", "preferQueryMode=simple", "readOnly=false",
                "options=-c%20default_transaction_read_only%3Doff", "socketFactory=x.Y", "sslpassword=x")) {
            assertThat(errors("{\"jdbc_url\": \"jdbc:postgresql://db/shop?" + parameter
                    + "\", \"username\": \"r\", \"allowed_schemas\": [\"public\"]}"))
                    .as(parameter).extracting(FieldError::field).containsExactly("config.jdbc_url");
        }
        assertThat(errors("{\"jdbc_url\": \"jdbc:mysql://db/shop\", \"username\": \"r\", "
                + "\"allowed_schemas\": [\"public\"]}")).extracting(FieldError::field).containsExactly("config.jdbc_url");
    }

    @Test
    void nothingIsReadableByDefault() {
        assertThat(errors("{\"jdbc_url\": \"jdbc:postgresql://db/shop\", \"username\": \"r\"}"))
                .extracting(FieldError::field).containsExactly("config.allowed_schemas");
        assertThat(errors("""
                {"jdbc_url": "jdbc:postgresql://db/shop", "username": "r", "allowed_tables": ["orders"],
                 "allowed_schemas": ["a.b"], "max_rows": 0, "statement_timeout_ms": 600000}
                """)).extracting(FieldError::field).containsExactlyInAnyOrder("config.allowed_tables",
                "config.allowed_schemas", "config.allowed_schemas", "config.max_rows", "config.statement_timeout_ms");
    }

    private static SqlToolConfig bind(String json) {
        FieldErrors errors = new FieldErrors();
        SqlToolConfig config = ToolConfigs.bind(WireJson.mapper().readTree(json), SqlToolConfig.class, errors);
        errors.throwIfAny();
        return config;
    }

    private static List<FieldError> errors(String json) {
        try {
            bind(json);
        } catch (RegistryValidationException e) {
            return e.errors();
        }
        return List.of();
    }
}
