package ai.switchboard.registry.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryValidationException;
import ai.switchboard.registry.audit.AuditLogRepository;
import ai.switchboard.registry.crypto.CredentialCipher;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.ApiKeyRepository;
import ai.switchboard.registry.model.ModelRepository;
import ai.switchboard.registry.provider.ProviderEntity;
import ai.switchboard.registry.provider.ProviderRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DeclarativeConfigServiceIT extends RegistryIntegrationTest {

    @Autowired
    DeclarativeConfigService service;

    @Autowired
    ProviderRepository providers;

    @Autowired
    ModelRepository models;

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    AuditLogRepository audit;

    @Autowired
    CredentialCipher cipher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void appliesOnceThenChangesNothingWhenAppliedAgain() {
        String p = unique("decl");
        String credentialEnv = env(p + "_KEY", "fake-upstream-credential-" + p);
        String hashEnv = env(p + "_HASH", ApiKeyHasher.hash("sk-sb-fake-declared-" + p));
        String file = """
                providers:
                  - name: %1$s-p
                    type: openai
                    base_url: https://upstream.example/v1
                    api_key_env: %2$s
                    extra_headers: {x-team: search}
                models:
                  - name: %1$s-m
                    provider: %1$s-p
                    upstream_model: gpt-4o-mini
                    capabilities: [chat, streaming, CHAT]
                    input_price_per_mtok: 0.150
                    tags: [a, a]
                keys:
                  - name: %1$s-k
                    scopes: [inference]
                    allowed_models: [%1$s-m]
                    key_hash_env: %3$s
                rate_limits:
                  - {target_type: key, target: %1$s-k, requests_per_minute: 60}
                  - {target_type: model, target: %1$s-m, tokens_per_minute: 1000}
                """.formatted(p, credentialEnv, hashEnv);

        ApplyResult first = service.apply(file, "test");
        assertThat(first.changed()).isTrue();
        assertThat(first.sections()).containsEntry("providers", new SectionResult(1, 0, 0))
                .containsEntry("models", new SectionResult(1, 0, 0)).containsEntry("keys", new SectionResult(1, 0, 0))
                .containsEntry("rate_limits", new SectionResult(2, 0, 0));
        ProviderEntity provider = providers.findByName(p + "-p").orElseThrow();
        assertThat(cipher.decrypt(provider.getApiKeyCiphertext(), provider.getId()))
                .isEqualTo("fake-upstream-credential-" + p);
        assertThat(keys.findByHash(ApiKeyHasher.hash("sk-sb-fake-declared-" + p))).isPresent();

        long auditRows = audit.count();
        ApplyResult second = service.apply(file, "test");
        assertThat(second.changed()).isFalse();
        assertThat(second.sections().values()).allSatisfy(r -> assertThat(r.changed()).isFalse());
        assertThat(audit.count()).as("no audit rows the second time").isEqualTo(auditRows);
        assertThat(providers.findByName(p + "-p").orElseThrow().getRevision()).isEqualTo(provider.getRevision());

        ApplyResult changed = service.apply(file.replace("upstream.example", "moved.example"), "test");
        assertThat(changed.sections()).containsEntry("providers", new SectionResult(0, 1, 0))
                .containsEntry("models", new SectionResult(0, 0, 1));
        ApplyResult limited = service.apply(file.replace("requests_per_minute: 60", "requests_per_minute: 90"), "test");
        assertThat(limited.sections()).containsEntry("rate_limits", new SectionResult(0, 1, 1));
    }

    @Test
    void theExportAppliesAsIsWithoutChangesAndCarriesNoSecrets() {
        String p = unique("export");
        service.apply("""
                providers:
                  - {name: %1$s-p, type: openai, base_url: "https://x.example/v1", api_key_env: %2$s,
                     settings: {max_concurrent_calls: "64"}}
                models:
                  - {name: %1$s-m, provider: %1$s-p, upstream_model: m, capabilities: [chat], enabled: false}
                rate_limits:
                  - {target_type: model, target: %1$s-m, requests_per_minute: 5, tokens_per_minute: 5000}
                """.formatted(p, env(p + "_KEY", "fake-secret-value-" + p)), "test");

        String exported = service.exportYaml();
        assertThat(exported).contains("name: " + p + "-p").contains("name: " + p + "-m")
                .contains("target: " + p + "-m")
                // No ciphertext either ("v1:" and base64; a Bedrock model id may end in "-v1:0").
                .doesNotContain("fake-secret-value").doesNotContainPattern("v1:[A-Za-z0-9+/=_-]{16,}");
        long auditRows = audit.count();
        assertThat(service.apply(exported, "test").changed()).isFalse();
        assertThat(audit.count()).isEqualTo(auditRows);
    }

    @Test
    void credentialsInABaseUrlAreRefusedAndAStoredOneIsExportedMasked() {
        String p = unique("userinfo");
        String file = """
                providers:
                  - {name: %1$s-p, type: openai, base_url: "https://x.example/v1"}
                """.formatted(p);
        String withCredentials = file.replace("https://", "https://user:pass-1234@");
        assertThatThrownBy(() -> service.apply(withCredentials, "test"))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("providers[0].base_url"));

        service.apply(file, "test");
        jdbc.update("UPDATE providers SET base_url = 'https://user:pass-1234@x.example/v1' WHERE name = ?", p + "-p");
        try {
            String exported = service.exportYaml();
            assertThat(exported).doesNotContain("pass-1234").contains("https://***@x.example/v1");
            // The file with the credentials still in it is refused too, though it matches what is stored.
            assertThatThrownBy(() -> service.apply(withCredentials, "test"))
                    .isInstanceOf(RegistryValidationException.class);
        } finally {
            // Left behind, it would make every later export of the shared database refuse to apply.
            jdbc.update("DELETE FROM providers WHERE name = ?", p + "-p");
        }
    }

    @Test
    void anInvalidFileIsRejectedAsAWholeWithEveryErrorListed() {
        String p = unique("bad");
        String file = """
                providers:
                  - {name: %1$s-ok, type: openai, base_url: "https://ok.example/v1"}
                  - {name: %1$s-inline, type: openai, base_url: "https://x.example/v1", api_key: sk-inline}
                  - {name: %1$s-noenv, type: openai, base_url: "https://x.example/v1", api_key_env: %1$s_UNSET}
                  - {name: %1$s-bad, type: nope, base_url: "ftp://x", colour: blue}
                  - {name: %1$s-hdr, type: openai, base_url: "https://x.example/v1", extra_headers: {Authorization: x}}
                  - {name: %1$s-ok, type: openai, base_url: "https://dup.example/v1"}
                models:
                  - {name: %1$s-m, provider: %1$s-missing, upstream_model: m, capabilities: [telepathy]}
                keys:
                  - {name: %1$s-k, key: sk-sb-plaintext}
                  - {name: %1$s-nokey}
                widgets: []
                """.formatted(p);

        assertThatThrownBy(() -> service.apply(file, "test")).isInstanceOfSatisfying(
                RegistryValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .contains("providers[5].name", "widgets"));

        String withoutStructuralErrors = file.replace("widgets: []\n", "")
                .replace("  - {name: " + p + "-ok, type: openai, base_url: \"https://dup.example/v1\"}\n", "");
        assertThatThrownBy(() -> service.apply(withoutStructuralErrors, "test")).isInstanceOfSatisfying(
                RegistryValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("providers[1].api_key", "providers[2].api_key_env",
                                "providers[3].colour", "providers[4].extra_headers.Authorization",
                                "models[0].provider", "models[0].capabilities[0]", "keys[0].key", "keys[1].name"));
        assertThat(providers.findByName(p + "-ok")).as("nothing half-applied").isEmpty();
        assertThat(models.findByName(p + "-m")).isEmpty();
    }

    private static String env(String name, String value) {
        // The service reads variables through Spring's Environment, which sees system properties live.
        String variable = name.toUpperCase().replace('-', '_');
        System.setProperty(variable, value);
        return variable;
    }
}
