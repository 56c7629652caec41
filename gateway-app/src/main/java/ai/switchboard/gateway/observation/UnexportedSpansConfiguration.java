package ai.switchboard.gateway.observation;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records spans only when something exports them. Spring Boot builds a batch span processor whether or not any
 * exporter exists, so with the default sampling every request's server and attempt spans were filled with attributes,
 * queued and handed to an exporter list of zero: about 7% of the gateway's CPU per request in the bench profile, for
 * nothing. Without an exporter the sampler becomes "always off": spans are then non-recording, but they still have
 * real trace and span ids, so {@code traceparent} response headers, an incoming trace context and the trace id in log
 * lines all keep working. With an exporter (OTLP, or one an application adds) Boot's configured sampler is kept as is.
 */
@Configuration(proxyBeanMethods = false)
class UnexportedSpansConfiguration {

    @Bean
    static BeanPostProcessor unexportedSpansSampler(ObjectProvider<SpanExporter> exporters) {
        return new UnexportedSpansSampler(exporters);
    }

    static final class UnexportedSpansSampler implements BeanPostProcessor {

        private static final Logger log = LoggerFactory.getLogger(UnexportedSpansSampler.class);

        private final ObjectProvider<SpanExporter> exporters;

        UnexportedSpansSampler(ObjectProvider<SpanExporter> exporters) {
            this.exporters = exporters;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof Sampler && exporters.orderedStream().findAny().isEmpty()) {
                log.info("No span exporter is configured: spans are not recorded (trace ids are still propagated); "
                        + "set MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT to export traces");
                return Sampler.alwaysOff();
            }
            return bean;
        }
    }
}
