package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.RegistryConflictException;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import ai.switchboard.registry.admin.RegistryNotFoundException;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** Maps registry and request errors of the admin API to RFC 9457 problem documents, in one place. */
@RestControllerAdvice(basePackages = "ai.switchboard.gateway.admin")
public class AdminExceptionHandler {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Logger log = LoggerFactory.getLogger(AdminExceptionHandler.class);

    @ExceptionHandler(RegistryValidationException.class)
    ResponseEntity<AdminProblem> invalid(RegistryValidationException e, ServerWebExchange exchange) {
        return problem(HttpStatus.BAD_REQUEST, "The request is invalid", exchange, e.errors());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<AdminProblem> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        return problem(HttpStatus.BAD_REQUEST, "The request is invalid", exchange,
                List.of(new FieldError("body", "could not be read")));
    }

    @ExceptionHandler(RegistryNotFoundException.class)
    ResponseEntity<AdminProblem> notFound(RegistryNotFoundException e, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), exchange, null);
    }

    @ExceptionHandler(RegistryConflictException.class)
    ResponseEntity<AdminProblem> conflict(RegistryConflictException e, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), exchange,
                e.field() == null ? null : List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(RegistryForbiddenException.class)
    ResponseEntity<AdminProblem> forbidden(RegistryForbiddenException e, ServerWebExchange exchange) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), exchange,
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<AdminProblem> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return problem(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, e.getReason(), exchange, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<AdminProblem> unexpected(Exception e, ServerWebExchange exchange) {
        // Internals (SQL, stack traces) go to the log only; the caller gets a generic message.
        log.error("Admin request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", exchange, null);
    }

    private static ResponseEntity<AdminProblem> problem(HttpStatus status, String detail, ServerWebExchange exchange,
            List<FieldError> errors) {
        AdminProblem body = new AdminProblem("about:blank", status.getReasonPhrase(), status.value(), detail,
                exchange.getRequest().getPath().value(), errors);
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body);
    }
}
