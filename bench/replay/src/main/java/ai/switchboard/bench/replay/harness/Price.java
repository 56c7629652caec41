package ai.switchboard.bench.replay.harness;

/**
 * A model's list price.
 *
 * @param inputPerMtok USD per million prompt tokens
 * @param outputPerMtok USD per million completion tokens
 * @param source where the price comes from, for the report
 */
public record Price(double inputPerMtok, double outputPerMtok, String source) {

    public Price {
        if (inputPerMtok < 0 || outputPerMtok < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * inputPerMtok + completionTokens * outputPerMtok) / 1_000_000;
    }
}
