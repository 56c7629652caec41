package ai.switchboard.providers.testsupport.kit;

/**
 * Optional capabilities a provider may lack. A fixture declares what its provider offers; for a capability it does
 * not declare, the kit expects the adapter to refuse the request with a clear {@code UNSUPPORTED} or
 * {@code INVALID_REQUEST} error instead of silently dropping the field.
 */
public enum Feature {
    /** {@code image_url} parts holding a {@code data:} URL. */
    IMAGE_DATA_URL,
    /** {@code image_url} parts holding an {@code https:} URL. */
    IMAGE_HTTPS_URL,
    /** {@code response_format: {"type":"json_object"}}. */
    JSON_OBJECT,
    /** {@code response_format: {"type":"json_schema", ...}}. */
    JSON_SCHEMA
}
