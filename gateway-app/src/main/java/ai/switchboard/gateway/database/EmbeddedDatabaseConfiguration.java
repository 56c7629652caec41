package ai.switchboard.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-set-up default: with no {@code SWITCHBOARD_DATABASE_URL}, the gateway starts a real PostgreSQL of its own
 * and keeps its data under {@code <data-dir>/postgres}, so a restart finds the registry again. Production points at
 * an external PostgreSQL instead, and this configuration stays out of the way.
 *
 * <p>The server stops last. Its only owner is the application context: it is destroyed after the DataSource, which
 * depends on it and so is closed first, and the DataSource is closed after every bean that uses it; those that write
 * in the background (usage ledger, registry listener and refresh, partition upkeep) have already stopped in their
 * lifecycle phases, after the web server drained. The library's own JVM shutdown hook is turned off: it ran beside
 * Spring's and stopped the server within a tenth of a second of SIGTERM, before the drain and the ledger flush.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfiguredCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    /** How long a PostgreSQL left running by a killed gateway gets to shut down before the start gives up. */
    private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${switchboard.data-dir:./data}") String dataDir) {
        Path directory = Path.of(dataDir, "postgres").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            new StalePostmaster(directory, STALE_SERVER_STOP_TIMEOUT).clear();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("No database configured: started embedded PostgreSQL on port {} with data in {}",
                    postgres.getPort(), directory);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("registry");
        dataSource.setMaximumPoolSize(8);
        return dataSource;
    }
}
