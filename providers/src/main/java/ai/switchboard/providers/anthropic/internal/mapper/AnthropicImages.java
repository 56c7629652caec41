package ai.switchboard.providers.anthropic.internal.mapper;

import static ai.switchboard.providers.anthropic.internal.mapper.RequestRejections.invalid;

import ai.switchboard.providers.anthropic.api.ImageContent;
import ai.switchboard.providers.anthropic.api.ImageSource;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an OpenAI {@code image_url} into an Anthropic image block: a {@code data:} URL becomes a {@code base64}
 * source, an http(s) URL a {@code url} source that Anthropic fetches. OpenAI's {@code detail} has no Anthropic
 * counterpart (Anthropic sizes images itself) and is dropped.
 */
final class AnthropicImages {

    /** The media types the Messages API accepts. */
    static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private static final String BASE64_MARKER = ";base64";

    private AnthropicImages() {
    }

    static ImageContent image(String url, String param) {
        if (url == null || url.isBlank()) {
            throw invalid(param, "An image_url part needs a url");
        }
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            return new ImageContent(dataUrl(url, param));
        }
        if (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7)) {
            return new ImageContent(ImageSource.url(url));
        }
        throw invalid(param, "An image url must be an http(s) URL or a data: URL");
    }

    private static ImageSource dataUrl(String url, String param) {
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring(5, comma);
        if (comma < 0 || !header.toLowerCase(Locale.ROOT).endsWith(BASE64_MARKER)) {
            throw invalid(param, "A data: image URL must be base64-encoded (data:image/png;base64,...)");
        }
        String mediaType = header.substring(0, header.length() - BASE64_MARKER.length()).toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw invalid(param, "Image type '" + mediaType + "' is not supported; use image/jpeg, image/png,"
                    + " image/gif or image/webp");
        }
        if (comma == url.length() - 1) {
            throw invalid(param, "A data: image URL has no data");
        }
        return ImageSource.base64(mediaType, url.substring(comma + 1));
    }
}
