package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ChatMessage;
import ai.switchboard.providers.api.ContentPart;
import ai.switchboard.providers.gemini.internal.api.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a user message. Media is sent inline only: Gemini does not fetch URLs, and downloading them would
 * make the gateway an open fetcher (an SSRF risk) and put slow I/O on the request path, so an https image is refused
 * with an error naming the part. Files-API URIs are refused too, because {@code fileData} needs a MIME type the
 * OpenAI part does not carry. The {@code detail} hint has no per-part equivalent and is ignored.
 */
final class GeminiUserParts {

    private static final String DATA_URL_BASE64 = ";base64,";

    private GeminiUserParts() {
    }

    static List<Part> translate(ChatMessage message, int i) {
        List<ContentPart> parts = message.parts();
        List<Part> translated = new ArrayList<>(parts.size());
        for (int j = 0; j < parts.size(); j++) {
            ContentPart part = parts.get(j);
            String param = "messages[" + i + "].content[" + j + "]";
            String type = part.type() == null ? ContentPart.TEXT : part.type();
            switch (type) {
                case ContentPart.TEXT -> {
                    if (part.text() != null && !part.text().isEmpty()) {
                        translated.add(Part.text(part.text()));
                    }
                }
                case ContentPart.IMAGE_URL -> translated.add(image(part.imageUrl(), param + ".image_url"));
                case "input_audio" -> translated.add(audio(part.raw().path("input_audio"), param + ".input_audio"));
                case "file" -> translated.add(file(part.raw().path("file"), param + ".file"));
                default -> throw GeminiRejections.unsupported(param + ".type",
                        "Content part type '" + type + "' is not supported by Gemini");
            }
        }
        return translated;
    }

    private static Part image(String url, String param) {
        if (url == null || url.isBlank()) {
            throw GeminiRejections.invalid(param, "An image part needs a URL");
        }
        if (!url.regionMatches(true, 0, "data:", 0, 5)) {
            throw GeminiRejections.unsupported(param, "Gemini accepts images only as data: URLs "
                    + "(data:image/png;base64,...); https image URLs are not fetched by the gateway");
        }
        return dataUrl(url, param);
    }

    private static Part file(JsonNode file, String param) {
        String data = file.path("file_data").asString(null);
        if (data == null || !data.regionMatches(true, 0, "data:", 0, 5)) {
            throw GeminiRejections.unsupported(param, "Gemini accepts files only inline as a data: URL in file_data; "
                    + "file_id references are not supported");
        }
        return dataUrl(data, param + ".file_data");
    }

    private static Part audio(JsonNode audio, String param) {
        String data = audio.path("data").asString(null);
        String format = audio.path("format").asString(null);
        if (data == null || data.isEmpty() || format == null || format.isBlank()) {
            throw GeminiRejections.invalid(param, "An input_audio part needs data and format");
        }
        return Part.inline("audio/" + format.toLowerCase(Locale.ROOT), data);
    }

    /** {@code data:<mime>;base64,<data>} as inline data; other data URL encodings are not base64 and are refused. */
    private static Part dataUrl(String url, String param) {
        int base64 = url.indexOf(DATA_URL_BASE64);
        if (base64 < 0) {
            throw GeminiRejections.invalid(param, "Only base64 data: URLs are supported");
        }
        String mimeType = url.substring(5, base64).strip();
        String data = url.substring(base64 + DATA_URL_BASE64.length());
        if (mimeType.isEmpty() || data.isEmpty()) {
            throw GeminiRejections.invalid(param, "A data: URL needs a MIME type and data");
        }
        return Part.inline(mimeType.toLowerCase(Locale.ROOT), data);
    }
}
