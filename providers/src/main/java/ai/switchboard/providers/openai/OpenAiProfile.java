package ai.switchboard.providers.openai;

import ai.switchboard.providers.api.InvalidSettingException;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAI-compatible server behind an {@code openai} provider, chosen with {@code settings.profile}. Each profile
 * adjusts requests and answers for that server's documented or reported deviations from OpenAI; the adjustments and
 * their sources are in {@code openai.internal.OpenAiQuirks}.
 */
public enum OpenAiProfile {
    /** OpenAI itself, or any server that accepts its full request format; nothing is changed. */
    OPENAI,
    /** Mistral La Plateforme: strict request schema, usage on the last content chunk. */
    MISTRAL,
    /** GroqCloud: some OpenAI fields fail with 400. */
    GROQ,
    /** DeepSeek: OpenAI format, cache hits reported in its own usage fields. */
    DEEPSEEK,
    /** Ollama's {@code /v1} compatibility endpoint. */
    OLLAMA,
    /** vLLM's OpenAI-compatible server. */
    VLLM;

    /** The settings key naming the profile. */
    public static final String SETTING = "profile";

    /**
     * The profile named by {@code settings.profile}, {@link #OPENAI} when absent.
     *
     * @throws InvalidSettingException listing the known profiles when the name is not one of them
     */
    public static OpenAiProfile of(Map<String, String> settings) {
        String name = settings.get(SETTING);
        if (name == null || name.isBlank()) {
            return OPENAI;
        }
        for (OpenAiProfile profile : values()) {
            if (profile.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return profile;
            }
        }
        throw new InvalidSettingException(SETTING, "setting " + SETTING
                + " must be one of openai, mistral, groq, deepseek, ollama, vllm, not '" + name + "'");
    }
}
