package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.bedrock.internal.api.ImageBlock;
import ai.switchboard.providers.bedrock.internal.api.ImageSource;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an OpenAI {@code image_url} into a Converse image block. Only {@code data:} URLs are accepted: Converse wants
 * the bytes inline, and fetching an https URL from the gateway would put an outbound HTTP client (and an SSRF
 * surface) on the hot path, so such images are rejected as unsupported rather than fetched.
 */
final class ImageBlocks {

    private static final Map<String, String> FORMATS = Map.of(
            "image/png", "png", "image/jpeg", "jpeg", "image/jpg", "jpeg", "image/gif", "gif", "image/webp", "webp");

    private ImageBlocks() {
    }

    static ImageBlock fromUrl(String url, String param) {
        if (url == null || url.isEmpty()) {
            throw RequestErrors.invalid(param, "An image part needs image_url.url");
        }
        if (!url.regionMatches(true, 0, "data:", 0, 5)) {
            throw RequestErrors.unsupported(param, "Bedrock takes images only inline: send the image as a "
                    + "data:image/...;base64, URL instead of a link");
        }
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring(5, comma).toLowerCase(Locale.ROOT);
        if (comma < 0 || !header.endsWith(";base64")) {
            throw RequestErrors.invalid(param, "An image data URL must be base64-encoded (data:image/png;base64,...)");
        }
        String mediaType = header.substring(0, header.indexOf(';'));
        String format = FORMATS.get(mediaType);
        if (format == null) {
            throw RequestErrors.unsupported(param, "Bedrock accepts png, jpeg, gif and webp images, not '"
                    + mediaType + "'");
        }
        // The base64 text is passed on as it is (JSON carries Smithy blobs as base64): decoding and re-encoding a
        // multi-megabyte image would only cost memory. Bedrock validates it.
        return new ImageBlock(format, new ImageSource(url.substring(comma + 1)));
    }
}
