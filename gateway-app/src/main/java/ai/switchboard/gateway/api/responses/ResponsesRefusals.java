package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.support.ParamErrors;

/** The 400s of the Responses translation, in OpenAI's error shape like every {@code /v1} refusal. */
final class ResponsesRefusals {

    private ResponsesRefusals() {
    }

    static ApiException invalid(String param, String reason) {
        return ParamErrors.invalid(param, reason);
    }

    /** Something valid at OpenAI that a provider without the Responses API cannot be asked for. */
    static ApiException unsupported(String param, String what) {
        return new ApiException(400, "invalid_request_error", "Invalid '" + param + "': " + what + " can only be "
                + "sent to a model whose provider speaks the Responses API natively (OpenAI, Azure OpenAI).", param,
                "unsupported_value");
    }
}
