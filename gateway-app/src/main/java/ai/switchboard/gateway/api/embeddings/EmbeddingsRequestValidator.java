package ai.switchboard.gateway.api.embeddings;

import ai.switchboard.gateway.api.support.ParamErrors;
import ai.switchboard.gateway.api.support.TextOrTokens;
import ai.switchboard.providers.api.EmbeddingRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks an embeddings request as OpenAI does before any upstream is called: {@code input} is one non-empty string,
 * or 1 to 2048 items that are all non-empty strings, all token ids or all non-empty token id arrays. The other
 * fields' types are checked when the body is bound.
 */
final class EmbeddingsRequestValidator {

    private static final TextOrTokens INPUT = new TextOrTokens(2048, false);
    private static final List<String> ENCODINGS = List.of("float", "base64");

    private EmbeddingsRequestValidator() {
    }

    static void validate(EmbeddingRequest request) {
        validateInput(request.input());
        if (request.encodingFormat() != null && !ENCODINGS.contains(request.encodingFormat())) {
            throw ParamErrors.notOneOf("encoding_format", request.encodingFormat(), ENCODINGS);
        }
        if (request.dimensions() != null && request.dimensions() < 1) {
            throw ParamErrors.range("dimensions", 1, Integer.MAX_VALUE);
        }
    }

    private static void validateInput(JsonNode input) {
        if (input == null || input.isNull()) {
            throw ParamErrors.missing("input");
        }
        INPUT.check(input, "input");
    }
}
