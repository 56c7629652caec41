package ai.switchboard.providers.cohere.internal.mapper;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;

/** The 400s the adapter answers itself, before any call, when a request asks for what Cohere cannot do. */
final class CohereMappingErrors {

    private CohereMappingErrors() {
    }

    /** A valid OpenAI request using a feature Cohere lacks. */
    static ProviderException unsupported(String param, String message) {
        return new ProviderException(ErrorType.UNSUPPORTED, ErrorType.UNSUPPORTED.defaultStatus(), message, param,
                "unsupported_parameter", null, null);
    }

    /** A request that is wrong whatever the provider. */
    static ProviderException invalid(String param, String message) {
        return new ProviderException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.defaultStatus(), message,
                param, "invalid_value", null, null);
    }
}
