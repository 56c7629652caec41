package ai.switchboard.providers.gemini.internal.mapper;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;

/**
 * The errors a request gets when it cannot be translated. Each names the OpenAI parameter at fault, so a client
 * learns which field Gemini cannot honour instead of seeing it silently dropped.
 */
final class GeminiRejections {

    private GeminiRejections() {
    }

    /** A well-formed OpenAI feature Gemini has no equivalent for. */
    static ProviderException unsupported(String param, String message) {
        return new ProviderException(ErrorType.UNSUPPORTED, ErrorType.UNSUPPORTED.defaultStatus(), message, param,
                "unsupported_parameter", null, null);
    }

    /** A value that is not valid OpenAI input, or cannot be read. */
    static ProviderException invalid(String param, String message) {
        return new ProviderException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.defaultStatus(), message,
                param, "invalid_value", null, null);
    }
}
