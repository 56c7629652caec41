package ai.switchboard.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway's path firewall ({@code gateway-app request/PathFirewall}) adds per request through Spring
 * Security's {@link StrictServerWebExchangeFirewall}, configured as the gateway does. Each call needs a fresh exchange
 * (the firewall registers a before-commit check on the response), so {@link #exchangeOnly} measures making one and
 * the firewall's cost is the difference. The gateway's own character rule is one pass over the path without
 * allocation and is not measured here (it lives in gateway-app, which this module cannot depend on).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PathFirewallBenchmark {

    @Param({"/v1/chat/completions", "/admin/v1/models/gpt-4o-mini-2024-07-18"})
    String path;

    private final StrictServerWebExchangeFirewall firewall = firewall();
    private Object last;

    private static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        return firewall;
    }

    private ServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("http://localhost:8080" + path));
    }

    @Benchmark
    public Object exchangeOnly() {
        ServerWebExchange exchange = exchange();
        exchange.getRequest().getPath().value();
        return exchange.getRequest().getURI().getPath();
    }

    @Benchmark
    public Object exchangeAndFirewall() {
        ServerWebExchange exchange = exchange();
        firewall.getFirewalledExchange(exchange).subscribe(checked -> last = checked, failed -> last = failed);
        return last;
    }
}
