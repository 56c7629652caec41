package ai.switchboard.routing.policy;

import java.util.Set;

/** A policy built from a route's configuration, which also says which models or routes it refers to. */
public interface ConfiguredPolicy extends RoutingPolicy {

    /** Every model or route name the configuration names (for existence and cycle checks). */
    Set<String> targets();
}
