package ai.switchboard.registry.provider;

import java.util.Set;

/** The wire protocols a provider may speak; the one place that lists them. */
public final class ProviderTypes {

    public static final String OPENAI = "openai";
    public static final String AZURE_OPENAI = "azure-openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String GEMINI = "gemini";
    public static final String BEDROCK = "bedrock";
    public static final String COHERE = "cohere";

    /** Every accepted {@code type}. */
    public static final Set<String> ALL = Set.of(OPENAI, AZURE_OPENAI, ANTHROPIC, GEMINI, BEDROCK, COHERE);

    private ProviderTypes() {
    }

    public static boolean isKnown(String type) {
        return type != null && ALL.contains(type);
    }
}
