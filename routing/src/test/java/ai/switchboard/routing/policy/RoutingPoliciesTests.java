package ai.switchboard.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.switchboard.providers.json.WireJson;
import ai.switchboard.registry.RouteConfig;
import ai.switchboard.registry.admin.FieldError;
import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the policy catalog refuses when a route is written, and what it still serves once written. */
class RoutingPoliciesTests {

    @Test
    void unknownConfigurationKeysAreRefusedWhenARouteIsWritten() {
        assertThat(fields("fallback", "{\"targets\":[\"a\"],\"target\":[\"b\"]}")).containsExactly("config.target");
        assertThat(fields("weighted", "{\"targets\":[{\"target\":\"a\",\"weight\":1}],\"stickiness\":\"key\"}"))
                .containsExactly("config.stickiness");
        assertThat(fields("fallback", "{\"targets\":[\"a\"]}")).isEmpty();
    }

    @Test
    void integersBeyondAnIntAndNumbersBeyondTheirRangeAreRefused() {
        assertThat(fields("cheapest-capable", "{\"targets\":[\"a\"],\"expected_output_tokens\":99999999999}"))
                .containsExactly("config.expected_output_tokens");
        assertThat(fields("cascade", "{\"steps\":[\"a\",\"b\"],\"min_mean_logprob\":-1e400}"))
                .containsExactly("config.min_mean_logprob");
    }

    @Test
    void aRouteStoredBeforeUnknownKeysWereRefusedIsStillServed() {
        RouteConfig stored = new RouteConfig(UUID.randomUUID(), "legacy", null, "fallback",
                WireJson.mapper().readTree("{\"targets\":[\"a\"],\"note\":\"kept from an older release\"}"), null,
                null, null, null, true, 0, 1);

        assertThat(PolicyTestSupport.POLICIES.policyOf(stored).targets()).containsExactly("a");
    }

    private static List<String> fields(String policy, String json) {
        FieldErrors errors = new FieldErrors();
        PolicyTestSupport.POLICIES.inspect(policy, WireJson.mapper().readTree(json), errors);
        try {
            errors.throwIfAny();
            return List.of();
        } catch (RegistryValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }
}
