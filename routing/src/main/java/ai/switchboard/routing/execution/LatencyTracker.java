package ai.switchboard.routing.execution;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Exponentially weighted moving averages of each deployment's latency and time to first token, fed by execution
 * and read by the least-latency policy. A deployment never measured has no average ({@code NaN}).
 */
public final class LatencyTracker {

    private final double alpha;
    private final ConcurrentMap<String, Averages> byDeployment = new ConcurrentHashMap<>();

    /** @param alpha weight of the newest sample (0-1); higher reacts faster, lower smooths more */
    public LatencyTracker(double alpha) {
        if (alpha <= 0 || alpha > 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1]");
        }
        this.alpha = alpha;
    }

    /** A complete call's duration. */
    public void recordLatency(String deploymentKey, long nanos) {
        byDeployment.computeIfAbsent(deploymentKey, key -> new Averages()).latency(alpha, nanos / 1e6);
    }

    /** A stream's time to first chunk. */
    public void recordFirstToken(String deploymentKey, long nanos) {
        byDeployment.computeIfAbsent(deploymentKey, key -> new Averages()).firstToken(alpha, nanos / 1e6);
    }

    /** Average latency in milliseconds, or {@code NaN}. */
    public double latencyMillis(String deploymentKey) {
        Averages averages = byDeployment.get(deploymentKey);
        return averages == null ? Double.NaN : averages.latency;
    }

    /** Average time to first token in milliseconds, or {@code NaN}. */
    public double firstTokenMillis(String deploymentKey) {
        Averages averages = byDeployment.get(deploymentKey);
        return averages == null ? Double.NaN : averages.firstToken;
    }

    private static final class Averages {
        private volatile double latency = Double.NaN;
        private volatile double firstToken = Double.NaN;

        synchronized void latency(double alpha, double sample) {
            latency = Double.isNaN(latency) ? sample : alpha * sample + (1 - alpha) * latency;
        }

        synchronized void firstToken(double alpha, double sample) {
            firstToken = Double.isNaN(firstToken) ? sample : alpha * sample + (1 - alpha) * firstToken;
        }
    }
}
