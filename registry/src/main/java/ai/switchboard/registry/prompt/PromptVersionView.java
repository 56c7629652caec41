package ai.switchboard.registry.prompt;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One version of a prompt as the admin API shows it. */
public record PromptVersionView(int version, JsonNode template, Instant createdAt) {

    static PromptVersionView of(PromptVersionEntity v) {
        return new PromptVersionView(v.getVersion(), JsonMapper.shared().valueToTree(v.getTemplate()),
                v.getCreatedAt());
    }
}
