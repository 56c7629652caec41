package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An image given inline: {@code format} is {@code png}, {@code jpeg}, {@code gif} or {@code webp}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageBlock(String format, ImageSource source) {
}
