package ai.switchboard.providers.anthropic.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code output_config}: the answer's {@code format}, and the {@code effort} of adaptive thinking. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnthropicOutputConfig(AnthropicOutputFormat format, String effort) {
}
