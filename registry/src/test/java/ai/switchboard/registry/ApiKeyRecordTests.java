package ai.switchboard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a key's allow-list lets it call: "*" is every model and route, and never an agent. */
class ApiKeyRecordTests {

    @Test
    void everyModelAndRouteIsNotEveryAgent() {
        ApiKeyRecord all = key(Set.of("*"));

        assertThat(all.mayUse("gpt-4o")).isTrue();
        assertThat(all.mayUse("some-route")).isTrue();
        assertThat(all.mayUse("agent:support")).isFalse();
    }

    @Test
    void anAgentIsUsableOnlyByName() {
        ApiKeyRecord support = key(Set.of("*", "agent:support"));

        assertThat(support.mayUse("agent:support")).isTrue();
        assertThat(support.mayUse("agent:billing")).isFalse();
        assertThat(support.mayUse("gpt-4o")).isTrue();
        assertThat(key(Set.of("agent:support")).mayUse("gpt-4o")).as("naming an agent allows no model").isFalse();
        assertThat(key(Set.of("support")).mayUse("agent:support")).as("a model of the agent's name").isFalse();
    }

    private static ApiKeyRecord key(Set<String> allowed) {
        return new ApiKeyRecord(UUID.randomUUID(), "k", "sk-sb-x", "hash", Set.of(KeyScope.INFERENCE), allowed, null,
                false);
    }
}
