package ai.switchboard.gateway.eval.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A dataset as the admin API shows it; {@code cases} only when one dataset is read. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetView(UUID id, String name, String description, JsonNode grader, JsonNode template,
        int caseCount, Instant createdAt, Instant updatedAt, List<CaseView> cases) {

    public DatasetView withCases(List<CaseView> all) {
        return new DatasetView(id, name, description, grader, template, caseCount, createdAt, updatedAt, all);
    }

    /** One case as shown. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(int seq, String label, JsonNode input, JsonNode expected, JsonNode grader) {

        static CaseView of(DatasetCase c) {
            return new CaseView(c.seq(), c.label(), c.input(), c.expected(), c.grader());
        }
    }
}
