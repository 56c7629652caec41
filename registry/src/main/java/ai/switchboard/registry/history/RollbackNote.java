package ai.switchboard.registry.history;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a rollback did to one entity beyond restoring it as it was.
 *
 * @param section the declarative section ({@code providers}, ...)
 * @param name the entity's name (a limit's or cache policy's target)
 * @param outcome {@code disabled} (added after the revision), {@code kept} (added after it, but it has no
 *     {@code enabled} field), {@code restored_disabled} (re-created without its secret, disabled until one is set),
 *     {@code restored_without_secret} (re-created without its secret; it cannot be disabled), or
 *     {@code not_restored} (its secret was what it is: a key's hash), or {@code skipped} (a whole section, name
 *     null, whose history began after the revision and is left as it is)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RollbackNote(String section, String name, String outcome) {
}
