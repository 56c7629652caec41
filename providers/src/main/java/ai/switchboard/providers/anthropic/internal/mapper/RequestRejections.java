package ai.switchboard.providers.anthropic.internal.mapper;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;

/**
 * Errors for requests the adapter refuses before calling Anthropic. Each names the OpenAI parameter at fault, so the
 * client sees {@code error.param} as it would from OpenAI itself.
 */
final class RequestRejections {

    private RequestRejections() {
    }

    /** The request is wrong whichever provider serves it, or wrong in a way Anthropic would also reject. */
    static ProviderException invalid(String param, String message) {
        return new ProviderException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.defaultStatus(), message,
                param, null, null, null);
    }

    /** The request is valid OpenAI but asks for something Anthropic cannot do. */
    static ProviderException unsupported(String param, String message) {
        return new ProviderException(ErrorType.UNSUPPORTED, ErrorType.UNSUPPORTED.defaultStatus(), message, param,
                "unsupported_parameter", null, null);
    }
}
