package ai.switchboard.bench.replay.harness;

import ai.switchboard.bench.replay.record.JsonLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * List prices of the replayed models. RouterArena ships its own ({@code cost.json}, USD per million input and output
 * tokens, the prices its recorded {@code inference_cost} was computed with); RouteLLM has none, so its models get
 * the fixed prices below, which take precedence.
 */
public final class PriceTable {

    /** RouteLLM's models and the MT-Bench judge. */
    static final Map<String, Price> ROUTELLM = Map.of(
            "gpt-4-1106-preview", new Price(10, 30, "OpenAI list price of gpt-4-1106-preview (also in RouterArena's"
                    + " cost.json)"),
            "mistralai/Mixtral-8x7B-Instruct-v0.1", new Price(0.6, 0.6, "RouterArena cost.json,"
                    + " mistralai/mixtral-8x7b-instruct and open-mixtral-8x7b"),
            "gpt-4", new Price(30, 60, "OpenAI list price of gpt-4 (8k), the MT-Bench judge; RouterArena's cost.json"
                    + " lists gpt-4 at gpt-4-turbo's 10/30"));

    private final Map<String, Price> prices;

    PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The fixed prices plus RouterArena's table when there is one. */
    public static PriceTable load(Path routerArenaCosts) throws IOException {
        Map<String, Price> prices = new HashMap<>();
        if (routerArenaCosts != null) {
            JsonNode table = JsonLines.MAPPER.readTree(Files.readString(routerArenaCosts));
            table.properties().forEach(entry -> {
                JsonNode price = entry.getValue();
                if (price.path("input_token_price_per_million").isNumber()
                        && price.path("output_token_price_per_million").isNumber()) {
                    prices.put(entry.getKey(), new Price(price.path("input_token_price_per_million").asDouble(),
                            price.path("output_token_price_per_million").asDouble(), "RouterArena cost.json"));
                }
            });
        }
        prices.putAll(ROUTELLM);
        return new PriceTable(prices);
    }

    public Price of(String model) {
        Price price = prices.get(model);
        if (price == null) {
            throw new IllegalArgumentException("no price for " + model + "; add it to PriceTable or cost.json");
        }
        return price;
    }
}
