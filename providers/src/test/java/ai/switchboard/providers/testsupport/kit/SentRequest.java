package ai.switchboard.providers.testsupport.kit;

import ai.switchboard.providers.json.WireJson;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * The request an adapter sent to the stubbed upstream, for a fixture to check against its provider's native
 * format.
 */
public record SentRequest(LoggedRequest logged) {

    /** The path, without the query. */
    public String path() {
        return URI.create(logged.getUrl()).getPath();
    }

    /** A query parameter's value, or {@code null}. */
    public String query(String name) {
        var parameter = logged.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    /** A header's value, or {@code null}. */
    public String header(String name) {
        return logged.containsHeader(name) ? logged.getHeader(name) : null;
    }

    /** The JSON body. */
    public JsonNode json() {
        return WireJson.mapper().readTree(logged.getBodyAsString());
    }

    /** The raw body, for binary or signed formats. */
    public byte[] body() {
        return logged.getBody();
    }
}
