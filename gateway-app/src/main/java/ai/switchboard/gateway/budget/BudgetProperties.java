package ai.switchboard.gateway.budget;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How replicas share budgets: the size and life of the slices they lease, and how often they write back. */
@Validated
@ConfigurationProperties(prefix = BudgetProperties.PREFIX)
public class BudgetProperties {

    public static final String PREFIX = "switchboard.budgets";

    /** How long a lease lives without renewal; a replica stops spending it a quarter of that earlier. */
    @NotNull
    private Duration leaseTtl = Duration.ofMinutes(2);

    /** How often settlements are written, leases renewed and idle or ended leases handed back. */
    @NotNull
    private Duration flushInterval = Duration.ofMillis(500);

    /** How often expired leases of replicas that died are reclaimed. */
    @NotNull
    private Duration reclaimInterval = Duration.ofSeconds(30);

    /** How long a replica that found a budget spent waits before asking the database again. */
    @NotNull
    private Duration exhaustedRecheck = Duration.ofSeconds(1);

    /** The share of a budget's limit one lease takes, in percent (less when less remains). */
    @Min(1)
    @Max(100)
    private int slicePercent = 2;

    /** A slice also covers at least this many of the largest reservation seen, so large requests lease ahead. */
    @Min(1)
    @Max(1000)
    private int sliceReservations = 4;

    /** Output tokens assumed when neither the request nor the model caps them. */
    @Min(1)
    private int defaultOutputTokens = 4096;

    /** Threads for budget database work (leases); the request path never waits on more than its own lease. */
    @Min(1)
    @Max(64)
    private int threads = 4;

    public Duration getLeaseTtl() {
        return leaseTtl;
    }

    public void setLeaseTtl(Duration leaseTtl) {
        this.leaseTtl = leaseTtl;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    public Duration getReclaimInterval() {
        return reclaimInterval;
    }

    public void setReclaimInterval(Duration reclaimInterval) {
        this.reclaimInterval = reclaimInterval;
    }

    public Duration getExhaustedRecheck() {
        return exhaustedRecheck;
    }

    public void setExhaustedRecheck(Duration exhaustedRecheck) {
        this.exhaustedRecheck = exhaustedRecheck;
    }

    public int getSlicePercent() {
        return slicePercent;
    }

    public void setSlicePercent(int slicePercent) {
        this.slicePercent = slicePercent;
    }

    public int getSliceReservations() {
        return sliceReservations;
    }

    public void setSliceReservations(int sliceReservations) {
        this.sliceReservations = sliceReservations;
    }

    public int getDefaultOutputTokens() {
        return defaultOutputTokens;
    }

    public void setDefaultOutputTokens(int defaultOutputTokens) {
        this.defaultOutputTokens = defaultOutputTokens;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }
}
