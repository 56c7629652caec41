package ai.switchboard.gateway.eval;

import ai.switchboard.gateway.eval.dataset.Datasets;
import ai.switchboard.gateway.eval.dataset.JdbcDatasets;
import ai.switchboard.gateway.eval.run.CandidateRoutes;
import ai.switchboard.gateway.eval.run.EvaluationSweeper;
import ai.switchboard.gateway.eval.run.Evaluations;
import ai.switchboard.gateway.eval.run.EvaluationsProperties;
import ai.switchboard.gateway.eval.run.JdbcEvaluations;
import ai.switchboard.gateway.eval.run.TargetCalls;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.observability.feedback.JdbcFeedbackStore;
import ai.switchboard.registry.snapshot.RegistrySnapshotManager;
import ai.switchboard.routing.RouteEngine;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Golden datasets and the evaluations that run them: the services, their scheduler and the upkeep job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvaluationsProperties.class)
public class EvaluationsConfiguration {

    /** The name of the scheduler that runs the evaluations' SQL and grading. */
    public static final String SCHEDULER = "evaluationsScheduler";

    @Bean(name = SCHEDULER, destroyMethod = "dispose")
    Scheduler evaluationsScheduler(EvaluationsProperties properties) {
        return Schedulers.newBoundedElastic(properties.getThreads(), properties.getQueueSize(), "evaluations");
    }

    @Bean
    JdbcEvaluations jdbcEvaluations(DataSource dataSource) {
        return new JdbcEvaluations(new JdbcTemplate(dataSource));
    }

    @Bean
    Datasets datasets(DataSource dataSource, JdbcEvaluations evaluations, RegistrySnapshotManager snapshots,
            Clock clock) {
        return new Datasets(new JdbcDatasets(new JdbcTemplate(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), snapshots, clock,
                evaluations::usesDataset);
    }

    /** The replica name is new on every start: a restarted gateway takes its old runs over as another replica's. */
    @Bean
    Evaluations evaluations(JdbcEvaluations jdbc, Datasets datasets, RegistrySnapshotManager snapshots,
            RequestPipeline pipeline, RouteEngine engine, CandidateRoutes candidates, JdbcFeedbackStore feedback,
            @Qualifier(SCHEDULER) Scheduler scheduler, Clock clock) {
        return new Evaluations(jdbc, datasets, snapshots, new TargetCalls(pipeline, engine), candidates, feedback,
                scheduler, clock,
                UUID.randomUUID().toString());
    }

    @Bean
    EvaluationSweeper evaluationSweeper(JdbcEvaluations jdbc, Evaluations evaluations, Clock clock,
            EvaluationsProperties properties) {
        return new EvaluationSweeper(jdbc, evaluations, clock, properties);
    }
}
