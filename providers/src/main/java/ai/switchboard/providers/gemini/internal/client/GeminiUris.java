package ai.switchboard.providers.gemini.internal.client;

import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Addresses of the Gemini API. The registry stores the API root, e.g. {@code https://generativelanguage.googleapis.com};
 * when its path does not already end in a version segment ({@code /v1beta}, {@code /v1}, {@code /v1alpha}),
 * {@code /v1beta} is appended, since the fields the adapter uses ({@code parametersJsonSchema},
 * {@code responseJsonSchema}, thought signatures) are served there. A path prefix (a corporate proxy) is kept, and
 * so is a query, to which {@code alt=sse} is added for streams.
 */
public final class GeminiUris {

    private static final Pattern VERSION = Pattern.compile(".*/v\\d+(alpha|beta)?\\d*$");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String MODELS_PREFIX = "models/";

    private GeminiUris() {
    }

    /** {@code {root}/models/{model}:{method}}, plus {@code alt=sse} when streaming. */
    public static URI method(URI baseUrl, String model, String method, boolean sse) {
        String base = baseUrl.toString();
        String query = "";
        int queryStart = base.indexOf('?');
        if (queryStart >= 0) {
            query = base.substring(queryStart + 1);
            base = base.substring(0, queryStart);
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (!VERSION.matcher(base).matches()) {
            base = base + "/v1beta";
        }
        if (sse) {
            query = query.isEmpty() ? "alt=sse" : query + "&alt=sse";
        }
        return URI.create(base + "/models/" + modelId(model) + ":" + method + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * The bare model id ({@code gemini-2.5-flash}); a {@code models/} prefix is accepted. Anything that is not a
     * plain id is refused, so a model name can never rewrite the request path.
     */
    public static String modelId(String model) {
        String id = model != null && model.startsWith(MODELS_PREFIX) ? model.substring(MODELS_PREFIX.length()) : model;
        if (id == null || !MODEL_ID.matcher(id).matches()) {
            throw new ProviderException(ErrorType.INVALID_REQUEST, ErrorType.INVALID_REQUEST.defaultStatus(),
                    "The model id is not a valid Gemini model id", "model", "invalid_value", null, null);
        }
        return id;
    }
}
