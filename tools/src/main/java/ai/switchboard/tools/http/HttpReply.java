package ai.switchboard.tools.http;

import ai.switchboard.providers.json.WireJson;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One upstream response as read: status, the headers the model may see, the redirect target and a body cut at the
 * cap. {@link #toJson} renders it for the model with every secret redacted:
 * {@code {"status", "url", "headers", "body" (JSON if the response is complete JSON, else text), "truncated"}}, and
 * {@code "body_omitted"} with the reason instead of a body that is binary or compressed.
 *
 * @param status the status code
 * @param headers the configured response headers that were present, lower-case names
 * @param location the {@code Location} header, or {@code null}
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param contentEncoding the {@code Content-Encoding} header, or {@code null}
 * @param body the body, at most the cap
 * @param truncated whether the body was longer than the cap
 */
record HttpReply(int status, Map<String, String> headers, String location, String contentType,
        String contentEncoding, byte[] body, boolean truncated) {

    boolean isRedirect() {
        return location != null && (status == 301 || status == 302 || status == 303 || status == 307
                || status == 308);
    }

    ObjectNode toJson(String url, SecretRedactor redactor) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("status", status).put("url", redactor.redact(url));
        ObjectNode selected = json.putObject("headers");
        headers.forEach((name, value) -> selected.put(name, redactor.redact(value)));
        String mime = mime();
        if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.equalsIgnoreCase("identity")) {
            json.putNull("body").put("body_omitted", "the body is compressed (" + contentEncoding + ")");
        } else if (!isText(mime)) {
            json.putNull("body").put("body_omitted", "the body is not text (" + mime + ", " + body.length
                    + (truncated ? "+" : "") + " bytes)");
        } else {
            String text = decode();
            text = truncated ? redactor.redactCut(text) : redactor.redact(text);
            if (!truncated && isJson(mime) && !text.isBlank()) {
                try {
                    json.set("body", WireJson.mapper().readTree(text));
                } catch (JacksonException notJson) {
                    json.put("body", text);
                }
            } else {
                json.put("body", text);
            }
        }
        json.put("truncated", truncated);
        return json;
    }

    private String mime() {
        if (contentType == null || contentType.isBlank()) {
            return "text/plain";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mime) {
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    private static boolean isText(String mime) {
        return mime.startsWith("text/") || isJson(mime) || mime.equals("application/x-ndjson")
                || mime.equals("application/xml") || mime.endsWith("+xml") || mime.equals("application/javascript")
                || mime.equals("application/x-www-form-urlencoded") || mime.equals("application/yaml")
                || mime.equals("application/x-yaml");
    }

    /** Decodes in the declared charset (UTF-8 by default); bytes that do not decode, or a cut character, become U+FFFD. */
    private String decode() {
        Charset charset = contentType == null ? StandardCharsets.UTF_8
                : HttpUtil.getCharset(contentType, StandardCharsets.UTF_8);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
