package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.error.ErrorClassification;
import ai.switchboard.gateway.api.responses.wire.ResponseError;

/**
 * A failure as the {@code error} of a failed response. The message is the one {@link ErrorClassification} gives the
 * same failure on chat completions; the code is the nearest of OpenAI's response error codes.
 */
public final class ResponsesErrors {

    private ResponsesErrors() {
    }

    public static ResponseError of(Throwable failure, long maxRequestBytes) {
        ErrorClassification classified = ErrorClassification.of(failure, maxRequestBytes);
        String code = classified.status() == 429 ? ResponseError.RATE_LIMIT_EXCEEDED
                : classified.status() == 400 ? ResponseError.INVALID_PROMPT : ResponseError.SERVER_ERROR;
        return new ResponseError(code, classified.body().error().message());
    }
}
