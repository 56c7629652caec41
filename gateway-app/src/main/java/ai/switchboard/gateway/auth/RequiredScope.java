package ai.switchboard.gateway.auth;

import ai.switchboard.registry.KeyScope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an API key needs to call an annotated controller method: any one of them. Read from the handler the
 * request was routed to, so the route that is authorised is the route that runs. On a class it covers the methods
 * that carry none of their own. A handler method with no declaration anywhere is never served (see
 * {@link HandlerAccessResolver}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiredScope {

    /** The accepted scopes; a key holding at least one of them may call the handler. Must not be empty. */
    KeyScope[] value();
}
