package ai.switchboard.gateway.budget;

import ai.switchboard.observability.BudgetMetrics;
import ai.switchboard.routing.policy.PromptTokens;
import ai.switchboard.routing.policy.RoutingPolicies;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Budgets: the ledger in PostgreSQL, this replica's accounts, their background pass and the admission the stage asks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
public class BudgetConfiguration {

    @Bean
    BudgetMetrics budgetMetrics(MeterRegistry registry) {
        return new BudgetMetrics(registry);
    }

    @Bean
    JdbcBudgetLedger jdbcBudgetLedger(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(10);
        return new JdbcBudgetLedger(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Leases run here, never on an event loop; bounded, so a dead database cannot pile up threads. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor budgetLeaseExecutor(BudgetProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.getThreads(), properties.getThreads(), 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
                    Thread thread = new Thread(runnable, "budget-lease-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    BudgetAccounts budgetAccounts(JdbcBudgetLedger ledger, BudgetMetrics metrics,
            ThreadPoolExecutor budgetLeaseExecutor, ObjectProvider<Clock> clock, BudgetProperties properties) {
        return new BudgetAccounts(ledger, metrics, budgetLeaseExecutor, clock.getIfAvailable(Clock::systemUTC),
                properties);
    }

    @Bean
    BudgetLifecycle budgetLifecycle(BudgetAccounts accounts) {
        return new BudgetLifecycle(accounts);
    }

    @Bean
    BudgetAdmission budgetAdmission(BudgetAccounts accounts, RoutingPolicies policies, BudgetProperties properties) {
        // The tokenizer reads its vocabulary from a file on first use: here, at start-up, never on an event loop.
        PromptTokens.count("warm up");
        return new BudgetAdmission(accounts, new WorstCaseCost(policies, properties.getDefaultOutputTokens()));
    }

    @Bean
    BudgetStatuses budgetStatuses(JdbcBudgetLedger ledger, BudgetAccounts accounts, ObjectProvider<Clock> clock) {
        return new BudgetStatuses(ledger, accounts, clock.getIfAvailable(Clock::systemUTC));
    }
}
