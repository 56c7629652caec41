package ai.switchboard.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class RateLimitPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Enabled.class);

    @Test
    void defaultsAreAMinuteWindowAndOnePercentSlices() {
        runner.run(context -> {
            RateLimitProperties properties = context.getBean(RateLimitProperties.class);
            assertThat(properties.window()).isEqualTo(Duration.ofMinutes(1));
            assertThat(properties.leaseFraction()).isEqualTo(0.01);
            assertThat(properties.leaseTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.storeRetry()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.leaseThreads()).isEqualTo(2);
        });
    }

    @Test
    void settingsAreBoundAndNonsenseFailsTheStart() {
        runner.withPropertyValues("switchboard.rate-limits.window=10s", "switchboard.rate-limits.lease-fraction=0.05")
                .run(context -> {
                    assertThat(context.getBean(RateLimitProperties.class).window()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(context.getBean(RateLimitProperties.class).leaseFraction()).isEqualTo(0.05);
                });
        runner.withPropertyValues("switchboard.rate-limits.lease-fraction=0").run(context ->
                assertThat(context).hasFailed());
        assertThatIllegalArgumentException().isThrownBy(() ->
                new RateLimitProperties(Duration.ofMillis(10), null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new RateLimitProperties(null, 1.5, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new RateLimitProperties(null, null, null, null, 0));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Enabled {
    }
}
