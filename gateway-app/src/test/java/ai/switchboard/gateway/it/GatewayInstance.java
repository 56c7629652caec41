package ai.switchboard.gateway.it;

import ai.switchboard.gateway.SwitchboardApplication;
import ai.switchboard.registry.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    static GatewayInstance start(List<ApplicationListener<?>> listeners, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "spring.datasource.username=" + TestDatabase.username(),
                "spring.datasource.password=" + TestDatabase.password(),
                "switchboard.registry.bootstrap-admin-key=" + GatewayIT.ADMIN_KEY,
                "switchboard.registry.master-key=" + GatewayIT.MASTER_KEY));
        all.addAll(List.of(properties));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SwitchboardApplication.class, SharedNettyResources.class);
        listeners.forEach(builder::listeners);
        // As command-line arguments: builder "properties" are defaults, which application.yml would override.
        return new GatewayInstance(builder.run(all.stream().map(p -> "--" + p).toArray(String[]::new)));
    }

    static GatewayInstance start(String... properties) {
        return start(List.of(), properties);
    }

    boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
