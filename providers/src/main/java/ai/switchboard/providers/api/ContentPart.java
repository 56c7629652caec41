package ai.switchboard.providers.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A typed view of one content part: {@code text}, {@code image_url} or anything else (kept as its raw JSON).
 *
 * @param type the part's {@code type}
 * @param text the text of a text part
 * @param imageUrl the URL (https or {@code data:}) of an image part
 * @param imageDetail the {@code detail} of an image part, when given
 * @param raw the part as the client sent it
 */
public record ContentPart(String type, String text, String imageUrl, String imageDetail, JsonNode raw) {

    public static final String TEXT = "text";
    public static final String IMAGE_URL = "image_url";

    static List<ContentPart> listOf(JsonNode content) {
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (content.isString()) {
            return List.of(new ContentPart(TEXT, content.asString(), null, null, content));
        }
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (JsonNode node : content) {
            parts.add(of(node));
        }
        return parts;
    }

    static ContentPart of(JsonNode node) {
        String type = node.path("type").asString(null);
        if (IMAGE_URL.equals(type)) {
            JsonNode image = node.path("image_url");
            String url = image.isString() ? image.asString() : image.path("url").asString(null);
            return new ContentPart(type, null, url, image.path("detail").asString(null), node);
        }
        return new ContentPart(type, node.path("text").asString(null), null, null, node);
    }

    /** Whether this part is an image. */
    public boolean isImage() {
        return IMAGE_URL.equals(type);
    }
}
