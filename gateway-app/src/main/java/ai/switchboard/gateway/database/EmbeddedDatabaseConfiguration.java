package ai.switchboard.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfiguredCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${switchboard.data-dir:./data}") String dataDir) {
        Path directory = Path.of(dataDir, "postgres").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
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
