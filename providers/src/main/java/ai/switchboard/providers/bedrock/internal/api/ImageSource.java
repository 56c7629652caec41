package ai.switchboard.providers.bedrock.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The bytes of an image, base64-encoded as JSON carries Smithy blobs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageSource(String bytes) {
}
