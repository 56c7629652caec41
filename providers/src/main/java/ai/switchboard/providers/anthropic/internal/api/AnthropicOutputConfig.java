package ai.switchboard.providers.anthropic.internal.api;

/** {@code output_config}; only {@code format} is used by the gateway. */
public record AnthropicOutputConfig(AnthropicOutputFormat format) {
}
