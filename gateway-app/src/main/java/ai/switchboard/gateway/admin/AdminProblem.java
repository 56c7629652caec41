package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}); {@code errors} lists rejected fields on a 400.
 * A record of our own rather than {@code ProblemDetail}, so its JSON shape does not depend on mapper mix-ins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdminProblem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
}
