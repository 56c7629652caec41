package ai.switchboard.gateway.it.flavour;

import java.util.List;

/** Every provider type the gateway serves, as the end-to-end SDK tests drive it. */
public final class ProviderFlavours {

    private ProviderFlavours() {
    }

    /** One flavour per provider type registered in the gateway's {@code ProvidersConfiguration}. */
    public static List<ProviderFlavour> all() {
        return List.of(new OpenAiFlavour(), new AzureOpenAiFlavour(), new AnthropicFlavour(), new GeminiFlavour(),
                new CohereFlavour(), new BedrockFlavour());
    }
}
