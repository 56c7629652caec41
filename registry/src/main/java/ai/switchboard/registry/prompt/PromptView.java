package ai.switchboard.registry.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A prompt as the admin API shows it (snake_case JSON): its labels and every version, oldest first.
 *
 * @param labels label name to version number
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PromptView(
        UUID id,
        String name,
        String description,
        Map<String, Integer> labels,
        int latestVersion,
        List<PromptVersionView> versions,
        Instant createdAt,
        Instant updatedAt) {

    static PromptView of(PromptEntity p, List<PromptVersionEntity> versions) {
        return new PromptView(p.getId(), p.getName(), p.getDescription(), p.getLabels(),
                versions.isEmpty() ? 0 : versions.getLast().getVersion(),
                versions.stream().map(PromptVersionView::of).toList(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
