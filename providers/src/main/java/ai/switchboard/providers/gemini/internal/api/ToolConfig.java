package ai.switchboard.providers.gemini.internal.api;

/** {@code toolConfig}: how the model may call functions. */
public record ToolConfig(FunctionCallingConfig functionCallingConfig) {
}
