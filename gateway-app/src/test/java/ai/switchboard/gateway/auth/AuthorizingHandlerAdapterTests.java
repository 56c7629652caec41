package ai.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.request.ApiShape;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.registry.key.ApiKeyHasher;
import ai.switchboard.registry.key.LastUsedRecorder;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerAdapter;
import org.springframework.web.reactive.HandlerResult;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class AuthorizingHandlerAdapterTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final HandlerFunction<ServerResponse> NOTHING = request -> ServerResponse.ok().build();

    private final List<Object> ran = new ArrayList<>();
    /** The refusals the adapter reported: status and the recognised key's name, or null. */
    private final List<String> denied = new ArrayList<>();
    private AuthorizingHandlerAdapter adapter;

    @BeforeEach
    void adapter() {
        RegistrySnapshotManager snapshots = mock(RegistrySnapshotManager.class);
        when(snapshots.current()).thenReturn(new RegistrySnapshot(1, List.of(), List.of(), List.of(
                key("inference-key", false, KeyScope.INFERENCE), key("admin-key", false, KeyScope.ADMIN),
                key("revoked-key", true, KeyScope.ADMIN))));
        HandlerAdapter runs = new HandlerAdapter() {
            @Override
            public boolean supports(Object handler) {
                return true;
            }

            @Override
            public Mono<HandlerResult> handle(ServerWebExchange exchange, Object handler) {
                ran.add(handler);
                return Mono.empty();
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("runs", runs));
        HandlerAccessResolver resolver = new HandlerAccessResolver(
                beans.getBeanProvider(org.springframework.boot.webflux.actuate.endpoint.web
                        .AbstractWebFluxEndpointHandlerMapping.class),
                beans.getBeanProvider(org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints.class));
        resolver.afterSingletonsInstantiated();
        adapter = new AuthorizingHandlerAdapter(resolver,
                new ApiKeyAuthenticator(snapshots, Clock.fixed(NOW, ZoneOffset.UTC),
                        new LastUsedRecorder(null, Schedulers.immediate(), Duration.ofMinutes(1),
                                Clock.fixed(NOW, ZoneOffset.UTC))),
                beans.getBeanProvider(HandlerAdapter.class),
                (exchange, key, status, reason) -> denied.add(status + " " + (key == null ? null : key.name())));
        adapter.afterSingletonsInstantiated();
    }

    @Test
    void aHandlerThatDeclaresNoAccessIsNeverRun() throws Exception {
        Object[] undeclared = {NOTHING, new HandlerMethod(new Controllers(), Controllers.class.getMethod("undeclared")),
            new Object()};
        for (Object handler : undeclared) {
            StepVerifier.create(adapter.handle(exchange("admin-key"), handler))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("declares no access"))
                    .verify();
        }
        assertThat(ran).isEmpty();
    }

    @Test
    void anEmptyDeclarationIsRefusedNotReadAsPublic() throws Exception {
        HandlerMethod empty = new HandlerMethod(new Controllers(), Controllers.class.getMethod("emptyDeclaration"));

        StepVerifier.create(adapter.handle(exchange("admin-key"), empty))
                .expectErrorMessage("Refused to run " + empty + ": it declares no access. "
                        + "Declare it with @RequiredScope or a ScopedHandlerFunction.")
                .verify();
        assertThat(ran).isEmpty();
    }

    @Test
    void missingUnknownAndRevokedKeysAre401WithAChallenge() {
        ScopedHandlerFunction admin = new ScopedHandlerFunction(HandlerAccess.anyOf(KeyScope.ADMIN), NOTHING);
        for (String key : new String[] {null, "sk-sb-unknown", "revoked-key"}) {
            MockServerWebExchange exchange = exchange(key);
            StepVerifier.create(adapter.handle(exchange, admin))
                    .expectErrorSatisfies(error -> assertThat(((ApiException) error).status()).isEqualTo(401))
                    .verify();
            assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
            assertThat(AuthenticatedCaller.find(exchange)).isNull();
        }
        assertThat(ran).isEmpty();
        assertThat(denied).as("each refusal reported for the audit").containsExactly("401 null", "401 null",
                "401 null");
    }

    @Test
    void aKeyWithoutAnAcceptedScopeIs403() throws Exception {
        HandlerMethod adminOnly = new HandlerMethod(new Controllers(), Controllers.class.getMethod("adminOnly"));

        StepVerifier.create(adapter.handle(exchange("inference-key"), adminOnly))
                .expectErrorSatisfies(error -> {
                    assertThat(((ApiException) error).status()).isEqualTo(403);
                    assertThat(error).hasMessageContaining("'admin'");
                })
                .verify();
        assertThat(ran).isEmpty();
        assertThat(denied).singleElement().asString().startsWith("403 ");
    }

    @Test
    void anAcceptedKeyRunsTheHandlerAsItsCaller() throws Exception {
        HandlerMethod classLevel = new HandlerMethod(new AdminControllers(), AdminControllers.class.getMethod("list"));
        HandlerMethod either = new HandlerMethod(new Controllers(), Controllers.class.getMethod("either"));

        MockServerWebExchange admin = exchange("admin-key");
        StepVerifier.create(adapter.handle(admin, classLevel)).verifyComplete();
        MockServerWebExchange inference = exchange("inference-key");
        StepVerifier.create(adapter.handle(inference, either)).verifyComplete();

        assertThat(ran).containsExactly(classLevel, either);
        assertThat(AuthenticatedCaller.of(admin).key().name()).isEqualTo("admin-key");
        assertThat(AuthenticatedCaller.of(inference).key().name()).isEqualTo("inference-key");
    }

    @Test
    void anXApiKeyIsReadOnlyWhereTheAccessSaysSoAndOnlyWithoutAnAuthorizationHeader() {
        ScopedHandlerFunction bearerOnly = new ScopedHandlerFunction(HandlerAccess.anyOf(KeyScope.INFERENCE), NOTHING);
        ScopedHandlerFunction either = new ScopedHandlerFunction(
                HandlerAccess.anyOf(KeyScope.INFERENCE).orApiKeyHeader(), NOTHING, ApiShape.ANTHROPIC);

        MockServerWebExchange accepted = exchange(null, "inference-key");
        StepVerifier.create(adapter.handle(accepted, either)).verifyComplete();
        MockServerWebExchange notHere = exchange(null, "inference-key");
        StepVerifier.create(adapter.handle(notHere, bearerOnly))
                .expectErrorSatisfies(error -> assertThat(((ApiException) error).status()).isEqualTo(401))
                .verify();
        // An Authorization header decides alone: a good x-api-key does not vouch for a bad bearer token.
        MockServerWebExchange both = exchange("sk-sb-unknown", "inference-key");
        StepVerifier.create(adapter.handle(both, either))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("x-api-key"))
                .verify();

        assertThat(ran).containsExactly(either);
        assertThat(AuthenticatedCaller.of(accepted).key().name()).isEqualTo("inference-key");
        assertThat(ApiShape.of(accepted)).isEqualTo(ApiShape.ANTHROPIC);
        assertThat(ApiShape.of(both)).as("declared before the caller is refused").isEqualTo(ApiShape.ANTHROPIC);
        assertThat(ApiShape.of(notHere)).isEqualTo(ApiShape.PROBLEM);
    }

    @Test
    void aPublicHandlerRunsWithoutAKey() {
        ScopedHandlerFunction open = new ScopedHandlerFunction(HandlerAccess.PUBLIC, NOTHING);

        StepVerifier.create(adapter.handle(exchange(null), open)).verifyComplete();

        assertThat(ran).containsExactly(open);
    }

    private static MockServerWebExchange exchange(String key) {
        return exchange(key, null);
    }

    private static MockServerWebExchange exchange(String bearer, String apiKey) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/admin/v1/keys");
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return MockServerWebExchange.from(request);
    }

    private static ApiKeyRecord key(String secret, boolean revoked, KeyScope scope) {
        return new ApiKeyRecord(UUID.randomUUID(), secret, secret.substring(0, 5), ApiKeyHasher.hash(secret),
                Set.of(scope), Set.of(), null, revoked);
    }

    static class Controllers {

        public void undeclared() {
        }

        @RequiredScope({})
        public void emptyDeclaration() {
        }

        @RequiredScope(KeyScope.ADMIN)
        public void adminOnly() {
        }

        @RequiredScope({KeyScope.ADMIN, KeyScope.INFERENCE})
        public void either() {
        }
    }

    @RequiredScope(KeyScope.ADMIN)
    static class AdminControllers {

        public void list() {
        }
    }
}
