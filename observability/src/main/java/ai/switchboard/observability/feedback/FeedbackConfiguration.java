package ai.switchboard.observability.feedback;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feedback on answers: its store, next to the usage ledger it joins. */
@Configuration(proxyBeanMethods = false)
public class FeedbackConfiguration {

    @Bean
    JdbcFeedbackStore feedbackStore(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new JdbcFeedbackStore(new JdbcTemplate(dataSource), clock.getIfAvailable(Clock::systemUTC));
    }
}
