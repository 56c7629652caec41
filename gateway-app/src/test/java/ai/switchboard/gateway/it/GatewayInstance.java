package ai.switchboard.gateway.it;

import ai.switchboard.gateway.SwitchboardApplication;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole gateway started as its own application context on a random port against the shared test database, as
 * one replica of several would be. {@link #close()} is what SIGTERM does to the real process.
 */
final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final int port;
    final WebTestClient http;
    final Fixtures fixtures;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        this.fixtures = new Fixtures(http, GatewayIT.ADMIN_KEY);
    }

    /** {@code properties} ({@code name=value}) add to the defaults below or replace them, name by name. */
    static GatewayInstance start(List<ApplicationListener<?>> listeners, String... properties) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String property : List.of(
                "server.port=0",
                "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "spring.datasource.username=" + TestDatabase.username(),
                "spring.datasource.password=" + TestDatabase.password(),
                "switchboard.registry.bootstrap-admin-key=" + GatewayIT.ADMIN_KEY,
                "switchboard.registry.master-key=" + GatewayIT.MASTER_KEY)) {
            put(all, property);
        }
        for (String property : properties) {
            put(all, property);
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SwitchboardApplication.class, SharedNettyResources.class);
        listeners.forEach(builder::listeners);
        // As command-line arguments: builder "properties" are defaults, which application.yml would override. A name
        // given twice there would be joined into one comma-separated value, hence the map.
        return new GatewayInstance(builder.run(all.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new)));
    }

    private static void put(Map<String, String> properties, String property) {
        int equals = property.indexOf('=');
        properties.put(property.substring(0, equals), property.substring(equals + 1));
    }

    static GatewayInstance start(String... properties) {
        return start(List.of(), properties);
    }

    /** Whether this replica's registry snapshot holds budgets of all these names. */
    boolean budgetsKnown(String... names) {
        java.util.Set<String> known = new java.util.HashSet<>();
        context.getBean(ai.switchboard.registry.snapshot.RegistrySnapshotManager.class).current().budgets()
                .forEach(budget -> known.add(budget.name()));
        return known.containsAll(List.of(names));
    }

    boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
