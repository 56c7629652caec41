package ai.switchboard.gateway.api.responses.store;

import ai.switchboard.registry.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared test database with every migration applied, and one small pool onto it for this module's store tests. */
final class StoreDatabase {

    private static HikariDataSource pool;

    private StoreDatabase() {
    }

    static synchronized HikariDataSource pool() {
        if (pool == null) {
            Flyway.configure()
                    .dataSource(TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password())
                    .locations("filesystem:../db/migrations")
                    .load()
                    .migrate();
            HikariDataSource created = new HikariDataSource();
            created.setJdbcUrl(TestDatabase.jdbcUrl());
            created.setUsername(TestDatabase.username());
            created.setPassword(TestDatabase.password());
            created.setMaximumPoolSize(2);
            pool = created;
        }
        return pool;
    }

    static JdbcStoredResponses store() {
        HikariDataSource dataSource = pool();
        return new JdbcStoredResponses(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
