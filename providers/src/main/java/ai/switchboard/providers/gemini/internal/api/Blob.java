package ai.switchboard.providers.gemini.internal.api;

/** Inline bytes ({@code inlineData}): a MIME type and the base64 data. */
public record Blob(String mimeType, String data) {
}
