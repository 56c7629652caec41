package ai.switchboard.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An image source: {@code base64} with {@code media_type} and {@code data}, or {@code url}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageSource(String type, String mediaType, String data, String url) {

    /** Inline bytes, already base64-encoded. */
    public static ImageSource base64(String mediaType, String data) {
        return new ImageSource("base64", mediaType, data, null);
    }

    /** An image Anthropic fetches itself. */
    public static ImageSource url(String url) {
        return new ImageSource("url", null, null, url);
    }
}
