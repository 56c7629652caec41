package ai.switchboard.observability;

import io.micrometer.core.instrument.Tags;

/** The tags of one attempt's meters, used as the meter-cache key. */
record AttemptTags(String operation, String route, String provider, String requestModel, String responseModel,
        String errorType) {

    Tags genAi() {
        return Tags.of(GenAiConventions.OPERATION_NAME, operation, GenAiConventions.PROVIDER_NAME, provider,
                GenAiConventions.REQUEST_MODEL, requestModel, GenAiConventions.RESPONSE_MODEL, responseModel);
    }
}
