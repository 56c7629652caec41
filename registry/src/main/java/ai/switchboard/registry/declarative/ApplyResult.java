package ai.switchboard.registry.declarative;

import java.util.Map;

/**
 * The outcome of applying a declarative file.
 *
 * @param changed whether anything changed; applying the same file again gives {@code false}
 * @param sections per section key, what was created, updated or already as declared
 */
public record ApplyResult(boolean changed, Map<String, SectionResult> sections) {
}
