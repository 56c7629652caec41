package ai.switchboard.registry.agent;

import ai.switchboard.registry.PromptReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code agents}: a planning model or route, its granted tools and the limits of a run. */
@Entity
@Table(name = "agents")
public class AgentEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    @Column(length = 512)
    private String description;

    @Column(nullable = false, length = 128)
    private String model;

    @Column
    private String instructions;

    @Column(name = "instructions_prompt", length = 128)
    private String instructionsPrompt;

    @Column(name = "instructions_label", length = 64)
    private String instructionsLabel;

    @Column(name = "instructions_version")
    private Integer instructionsVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> tools = new ArrayList<>();

    @Column(name = "max_steps", nullable = false)
    private int maxSteps;

    @Column(name = "max_cost_usd", precision = 19, scale = 9)
    private BigDecimal maxCostUsd;

    @Column(name = "timeout_seconds", nullable = false)
    private int timeoutSeconds;

    @Column(name = "parallel_tool_calls", nullable = false)
    private boolean parallelToolCalls;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response_format")
    private Map<String, Object> responseFormat;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AgentEntity() {
    }

    public AgentEntity(UUID id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getInstructions() {
        return instructions;
    }

    public void setInstructions(String instructions) {
        this.instructions = instructions;
    }

    /** The prompt template the instructions come from, or {@code null} for inline (or no) instructions. */
    public PromptReference getInstructionsPrompt() {
        return instructionsPrompt == null ? null
                : new PromptReference(instructionsPrompt, instructionsLabel, instructionsVersion);
    }

    public void setInstructionsPrompt(PromptReference reference) {
        this.instructionsPrompt = reference == null ? null : reference.prompt();
        this.instructionsLabel = reference == null ? null : reference.label();
        this.instructionsVersion = reference == null ? null : reference.version();
    }

    public List<String> getTools() {
        return tools;
    }

    public void setTools(List<String> tools) {
        this.tools = new ArrayList<>(tools);
    }

    public int getMaxSteps() {
        return maxSteps;
    }

    public void setMaxSteps(int maxSteps) {
        this.maxSteps = maxSteps;
    }

    public BigDecimal getMaxCostUsd() {
        return maxCostUsd;
    }

    public void setMaxCostUsd(BigDecimal maxCostUsd) {
        this.maxCostUsd = maxCostUsd;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public boolean isParallelToolCalls() {
        return parallelToolCalls;
    }

    public void setParallelToolCalls(boolean parallelToolCalls) {
        this.parallelToolCalls = parallelToolCalls;
    }

    /** The JSON Schema of the final answer, or {@code null}. */
    public Map<String, Object> getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(Map<String, Object> responseFormat) {
        this.responseFormat = responseFormat == null ? null : new LinkedHashMap<>(responseFormat);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
