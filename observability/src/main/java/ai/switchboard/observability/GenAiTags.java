package ai.switchboard.observability;

import io.micrometer.core.instrument.Tags;

/** The common GenAI tag set, used as a meter-cache key; absent names become {@value GenAiConventions#NONE}. */
record GenAiTags(String operation, String provider, String model, String errorType) {

    static GenAiTags of(String operation, String provider, String model, String errorType) {
        return new GenAiTags(operation, orNone(provider), orNone(model), errorType);
    }

    static String orNone(String value) {
        return value == null ? GenAiConventions.NONE : value;
    }

    Tags withoutError() {
        return Tags.of(GenAiConventions.OPERATION_NAME, operation, GenAiConventions.PROVIDER_NAME, provider,
                GenAiConventions.REQUEST_MODEL, model);
    }

    Tags withError() {
        return withoutError().and(GenAiConventions.ERROR_TYPE, errorType);
    }
}
