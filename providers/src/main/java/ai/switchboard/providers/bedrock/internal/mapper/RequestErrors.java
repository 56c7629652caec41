package ai.switchboard.providers.bedrock.internal.mapper;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;

/** The client-facing errors of request translation; they name the parameter at fault, as OpenAI does. */
final class RequestErrors {

    private RequestErrors() {
    }

    static ProviderException unsupported(String param, String message) {
        return new ProviderException(ErrorType.UNSUPPORTED, 400, message, param, "unsupported_parameter", null, null);
    }

    static ProviderException invalid(String param, String message) {
        return new ProviderException(ErrorType.INVALID_REQUEST, 400, message, param, "invalid_value", null, null);
    }
}
