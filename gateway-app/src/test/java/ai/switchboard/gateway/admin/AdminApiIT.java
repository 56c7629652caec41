package ai.switchboard.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistryIntegrationTest;
import ai.switchboard.registry.audit.AuditLogRepository;
import ai.switchboard.registry.key.ApiKeyAdminService;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.model.ModelAdminService;
import ai.switchboard.registry.provider.ProviderAdminService;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.scheduler.Scheduler;

/**
 * The admin controllers over the real registry services and database, with an authenticated caller on the exchange
 * as the auth filter would leave it.
 */
class AdminApiIT extends RegistryIntegrationTest {

    private static final String SECRET = "sk-upstream-secret-value-42";
    private static final AuthenticatedCaller CALLER = new AuthenticatedCaller(new ApiKeyRecord(UUID.randomUUID(),
            "admin-it", "sk-sb-admI", ApiKeyHasher.hash("x"), Set.of(KeyScope.ADMIN), Set.of(), null, false));

    @Autowired
    ProviderAdminService providers;

    @Autowired
    ModelAdminService models;

    @Autowired
    ApiKeyAdminService keys;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    AuditLogRepository audit;

    @Autowired
    @Qualifier("registryScheduler")
    Scheduler registryScheduler;

    WebTestClient client;

    @BeforeEach
    void client() {
        WebFilter authenticated = (exchange, chain) -> {
            exchange.getAttributes().put(AuthenticatedCaller.class.getName(), CALLER);
            return chain.filter(exchange);
        };
        client = WebTestClient.bindToController(new ProviderAdminController(providers, registryScheduler),
                        new ModelAdminController(models, registryScheduler),
                        new ApiKeyAdminController(keys, registryScheduler))
                .controllerAdvice(new AdminExceptionHandler())
                .webFilter(authenticated)
                .build();
    }

    @Test
    void providerLifecycleNeverShowsTheCredential() {
        String name = unique("openai-main");
        client.post().uri("/admin/v1/providers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(providerJson(name))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/admin/v1/providers/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.api_key_set").isEqualTo(true)
                .jsonPath("$.base_url").isEqualTo("https://api.openai.com/v1")
                .jsonPath("$.api_key").doesNotExist();
        assertThat(snapshots.current().provider(name).apiKey()).isEqualTo(SECRET);

        client.patch().uri("/admin/v1/providers/{id}", name).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false,\"api_key\":null}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.api_key_set").isEqualTo(false)
                .jsonPath("$.connect_timeout_ms").isEqualTo(2000);

        String list = client.get().uri("/admin/v1/providers").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains("\"data\"", name).doesNotContain(SECRET);

        client.delete().uri("/admin/v1/providers/{id}", name).exchange().expectStatus().isNoContent();
        client.get().uri("/admin/v1/providers/{id}", name).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
        assertThat(audit.findAll()).anySatisfy(row -> {
            assertThat(row.getEntityName()).isEqualTo(name);
            assertThat(row.getActor()).isEqualTo(CALLER.actor());
        });
    }

    @Test
    void namesUnknownFieldsWrongTypesAndMalformedJson() {
        expectFieldError("/admin/v1/providers", "{\"name\":\"x\",\"bogus\":1}", "bogus");
        expectFieldError("/admin/v1/models", "{\"name\":\"x\",\"context_window\":\"many\"}", "context_window");
        expectFieldError("/admin/v1/models", "{\"name\":\"x\",\"capabilities\":[\"chat\", {}]}", "capabilities[1]");
        expectFieldError("/admin/v1/keys", "{\"name\": ", "body");
        expectFieldError("/admin/v1/keys", "", "body");
        expectFieldError("/admin/v1/models", "{\"name\":\"m1\",\"provider\":\"nope\",\"upstream_model\":\"x\"}",
                "provider");
    }

    @Test
    void reportsConflictsAs409() {
        String name = unique("dup");
        client.post().uri("/admin/v1/providers").contentType(MediaType.APPLICATION_JSON).bodyValue(providerJson(name))
                .exchange().expectStatus().isCreated();
        client.post().uri("/admin/v1/providers").contentType(MediaType.APPLICATION_JSON).bodyValue(providerJson(name))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(name));

        String model = unique("gpt-mini");
        client.post().uri("/admin/v1/models").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + model + "\",\"provider\":\"" + name + "\",\"upstream_model\":"
                        + "\"gpt-4o-mini\",\"version\":\"2024-07-18\",\"capabilities\":[\"chat\",\"tools\","
                        + "\"streaming\"],\"context_window\":128000,\"max_output_tokens\":16384,"
                        + "\"input_price_per_mtok\":0.15,\"output_price_per_mtok\":0.6,\"tags\":[\"cheap\"],"
                        + "\"enabled\":true}")
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.provider").isEqualTo(name).jsonPath("$.context_window").isEqualTo(128000);
        client.delete().uri("/admin/v1/providers/{id}", name).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void keyIsShownOnceThenOnlyItsPrefix() {
        String name = unique("billing-app");
        CreatedApiKeyResponse created = client.post().uri("/admin/v1/keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + name + "\",\"scopes\":[\"inference\"],\"allowed_models\":[\"*\"],"
                        + "\"expires_at\":\"2090-01-01T00:00:00Z\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(CreatedApiKeyResponse.class).returnResult().getResponseBody();

        assertThat(created.key()).startsWith("sk-sb-").hasSize(46);
        assertThat(snapshots.current().keyByHash(ApiKeyHasher.hash(created.key())).name()).isEqualTo(name);
        String shown = client.get().uri("/admin/v1/keys/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(shown).contains("\"prefix\":\"" + created.prefix() + "\"").doesNotContain(created.key());

        client.delete().uri("/admin/v1/keys/{id}", name).exchange().expectStatus().isNoContent();
        client.get().uri("/admin/v1/keys/{id}", created.id()).exchange()
                .expectBody().jsonPath("$.revoked").isEqualTo(true);
        assertThat(snapshots.current().keyByHash(ApiKeyHasher.hash(created.key())).revoked()).isTrue();
    }

    private void expectFieldError(String uri, String body, String field) {
        client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.status").isEqualTo(400);
    }

    private static String providerJson(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"openai\",\"base_url\":\"https://api.openai.com/v1\","
                + "\"api_key\":\"" + SECRET + "\",\"extra_headers\":{},\"connect_timeout_ms\":2000,"
                + "\"response_timeout_ms\":60000,\"settings\":{},\"enabled\":true}";
    }
}
