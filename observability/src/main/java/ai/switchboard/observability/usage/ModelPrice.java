package ai.switchboard.observability.usage;

import java.math.BigDecimal;

/**
 * A model's prices in USD per million tokens, as the registry holds them. Any price may be {@code null} (unknown);
 * the cost of a request is then unknown too, never guessed.
 *
 * <p>Token counts follow the OpenAI usage shape: {@code inputTokens} counts every prompt token, and
 * {@code cachedTokens} is the part of them served from the provider's prompt cache. Cached tokens are priced at
 * {@code cachedInputPerMtok} when it is set, otherwise as ordinary input tokens (the registry has no cached price yet,
 * so today's cost is an upper bound for providers that discount cache hits).
 *
 * @param inputPerMtok USD per million input tokens
 * @param outputPerMtok USD per million output tokens
 * @param cachedInputPerMtok USD per million cached input tokens, or {@code null} to price them as input
 */
public record ModelPrice(BigDecimal inputPerMtok, BigDecimal outputPerMtok, BigDecimal cachedInputPerMtok) {

    private static final ModelPrice UNKNOWN = new ModelPrice(null, null, null);

    public ModelPrice {
        requireNonNegative(inputPerMtok, "inputPerMtok");
        requireNonNegative(outputPerMtok, "outputPerMtok");
        requireNonNegative(cachedInputPerMtok, "cachedInputPerMtok");
    }

    /** A price with no cached-input discount. */
    public static ModelPrice of(BigDecimal inputPerMtok, BigDecimal outputPerMtok) {
        return inputPerMtok == null && outputPerMtok == null ? UNKNOWN : new ModelPrice(inputPerMtok, outputPerMtok, null);
    }

    /** A price that makes every cost unknown. */
    public static ModelPrice unknown() {
        return UNKNOWN;
    }

    /**
     * The exact cost in USD of the given token counts, or {@code null} when a needed price is unknown. Exact: prices
     * have at most six decimals in the registry, so the result has at most twelve, and nothing is rounded.
     */
    public BigDecimal cost(long inputTokens, long outputTokens, long cachedTokens) {
        if (inputTokens < 0 || outputTokens < 0 || cachedTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        long cached = Math.min(cachedTokens, inputTokens);
        long uncached = inputTokens - cached;
        BigDecimal cachedPrice = cachedInputPerMtok != null ? cachedInputPerMtok : inputPerMtok;
        BigDecimal micros = BigDecimal.ZERO;
        if (uncached > 0 || cached > 0) {
            if (inputPerMtok == null || (cached > 0 && cachedPrice == null)) {
                return null;
            }
            micros = micros.add(inputPerMtok.multiply(BigDecimal.valueOf(uncached)));
            micros = micros.add(cachedPrice.multiply(BigDecimal.valueOf(cached)));
        }
        if (outputTokens > 0) {
            if (outputPerMtok == null) {
                return null;
            }
            micros = micros.add(outputPerMtok.multiply(BigDecimal.valueOf(outputTokens)));
        }
        // Prices are per million tokens: shifting the decimal point is exact, unlike a division.
        return micros.movePointLeft(6);
    }

    private static void requireNonNegative(BigDecimal price, String name) {
        if (price != null && price.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
