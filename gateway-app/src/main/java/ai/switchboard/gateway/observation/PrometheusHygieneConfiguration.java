package ai.switchboard.gateway.observation;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the whole Prometheus scrape clean under {@code promtool check metrics}, not only the gateway's own meters.
 * Meters registered without a description (Spring's {@code http.server.requests}) get one. Three built-in meters that
 * cannot pass are left out: {@code jvm.compilation.time} and {@code process.cpu.time} count in ms/ns (Prometheus wants
 * seconds; {@code process.cpu.usage} remains), and {@code system.cpu.count} reads as a summary's {@code _count}.
 */
@Configuration(proxyBeanMethods = false)
class PrometheusHygieneConfiguration {

    private static final Set<String> DENIED = Set.of("system.cpu.count", "jvm.compilation.time", "process.cpu.time");

    @Bean
    MeterFilter prometheusHygiene() {
        return new MeterFilter() {

            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return DENIED.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getDescription() != null) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                        id.getName().replace('.', ' '), id.getType());
            }
        };
    }
}
