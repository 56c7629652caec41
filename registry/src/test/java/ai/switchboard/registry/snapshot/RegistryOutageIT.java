package ai.switchboard.registry.snapshot;

import static ai.switchboard.registry.snapshot.RegistryChangeListenerIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.registry.RegistryIntegrationTest.RegistryTestApplication;
import ai.switchboard.registry.RegistryIntegrationTest.TestProviderTypes;
import ai.switchboard.registry.provider.ProviderAdminService;
import ai.switchboard.registry.provider.ProviderCreateCommand;
import ai.switchboard.registry.testsupport.TcpProxy;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * This replica reaches the database through a proxy that the test cuts: the last snapshot keeps serving, refreshes
 * fail softly, and once the database is back the listener reconnects and catches up on changes it missed.
 */
@SpringBootTest(classes = {RegistryTestApplication.class, TestProviderTypes.class}, properties = {
        "switchboard.registry.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "switchboard.registry.bootstrap-admin-key=sk-sb-test-bootstrap-admin-key-0123456789",
        "switchboard.registry.listener-max-backoff=200ms",
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.validation-timeout=500"})
class RegistryOutageIT {

    private static TcpProxy proxy;

    @Autowired
    RegistrySnapshotManager snapshots;

    @Autowired
    RegistryChangeListener listener;

    @Autowired
    ProviderAdminService providers;

    @DynamicPropertySource
    static void proxiedDatabase(DynamicPropertyRegistry registry) {
        URI target = URI.create(TestDatabase.jdbcUrl().substring("jdbc:".length()));
        proxy = TcpProxy.start(target.getHost(), target.getPort());
        String proxied = TestDatabase.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        registry.add("spring.datasource.url", () -> proxied);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    @AfterAll
    static void reopen() {
        // The cached context outlives this class; leave its database reachable.
        proxy.restore();
    }

    @Test
    void keepsServingTheLastSnapshotAndCatchesUpAfterwards() throws Exception {
        String before = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        providers.create(new ProviderCreateCommand(before, "openai", "https://api.openai.com/v1", "sk-1", null, null,
                null, null, null), "tester");
        awaitTrue(Duration.ofSeconds(10), listener::isListening);

        long failuresBefore = snapshots.refreshFailures();
        proxy.cut();
        long cutAt = System.currentTimeMillis();
        awaitTrue(Duration.ofSeconds(5), () -> !listener.isListening());
        assertThat(snapshots.refresh()).isFalse();
        snapshots.refreshIfChanged();
        assertThat(snapshots.current().provider(before).apiKey()).isEqualTo("sk-1");
        // What the "refresh failing" alerts read: both failures counted, no success since the cut.
        assertThat(snapshots.refreshFailures()).isGreaterThanOrEqualTo(failuresBefore + 2);
        assertThat(snapshots.lastSuccessMillis()).isLessThanOrEqualTo(cutAt);

        // Another replica commits while this one is cut off; its NOTIFY cannot reach us.
        String during = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection other = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.username(),
                TestDatabase.password()); Statement sql = other.createStatement()) {
            sql.execute("INSERT INTO providers (id, name, type, base_url, connect_timeout_ms, response_timeout_ms, "
                    + "created_at, updated_at) VALUES (gen_random_uuid(), '" + during + "', 'openai', "
                    + "'http://localhost:1/v1', 1000, 1000, now(), now())");
            sql.execute("UPDATE registry_revision SET revision = revision + 1");
        }

        proxy.restore();
        awaitTrue(Duration.ofSeconds(10), () -> snapshots.current().provider(during) != null);
        assertThat(listener.isListening()).isTrue();
        assertThat(snapshots.current().provider(before)).isNotNull();
        assertThat(snapshots.lastSuccessMillis()).isGreaterThan(cutAt);
    }
}
