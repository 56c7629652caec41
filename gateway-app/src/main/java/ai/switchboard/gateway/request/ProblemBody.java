package ai.switchboard.gateway.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem document for failures that happen before any admin controller runs (refused paths, missing
 * keys, unknown URLs, wrong methods, oversized headers); the same fields the admin API's own problems carry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemBody(String type, String title, int status, String detail, String instance) {

    /** A problem of type {@code about:blank}, titled with the status's reason phrase. */
    public static ProblemBody of(int status, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        return new ProblemBody("about:blank", known == null ? "Error" : known.getReasonPhrase(), status, detail,
                instance);
    }
}
