package ai.switchboard.bench.driver;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Renders a microsecond histogram as a JSON object of the percentiles the bench table uses. */
final class Percentiles {

    private Percentiles() {
    }

    static String json(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "{\"count\":0}";
        }
        return String.format(Locale.ROOT,
                "{\"count\":%d,\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d,\"p999_us\":%d,\"max_us\":%d,"
                        + "\"min_us\":%d,\"mean_us\":%.1f}",
                histogram.getTotalCount(), histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue(),
                histogram.getMinValue(), histogram.getMean());
    }
}
