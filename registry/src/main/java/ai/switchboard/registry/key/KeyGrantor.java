package ai.switchboard.registry.key;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who issues or changes a key, and what they hold: a key may never be given a scope or a model its grantor lacks, so
 * no caller can create or patch a key (its own included) into more than it has itself. An {@code admin} key holds
 * everything; the rule matters for narrower roles that may issue keys (a team administrator).
 *
 * @param actor the name audit rows record
 * @param scopes the grantor's scopes
 * @param allowedModels the grantor's models ({@value ApiKeyRecord#ALL_MODELS} for every one)
 */
public record KeyGrantor(String actor, Set<KeyScope> scopes, Set<String> allowedModels) {

    public KeyGrantor {
        scopes = scopes.isEmpty() ? EnumSet.noneOf(KeyScope.class) : EnumSet.copyOf(scopes);
        allowedModels = Set.copyOf(allowedModels);
    }

    /** The gateway itself (bootstrap, the declarative file): it holds everything. */
    public static KeyGrantor system(String actor) {
        return new KeyGrantor(actor, EnumSet.allOf(KeyScope.class), Set.of(ApiKeyRecord.ALL_MODELS));
    }

    /** The caller of the admin API, holding what its key holds. */
    public static KeyGrantor of(String actor, ApiKeyRecord key) {
        return new KeyGrantor(actor, key.scopes(), key.allowedModels());
    }

    /**
     * Refuses scopes or models the grantor does not hold.
     *
     * @throws RegistryForbiddenException naming the first field that asks for more
     */
    void checkGrant(List<String> wantedScopes, List<String> wantedModels) {
        if (scopes.contains(KeyScope.ADMIN)) {
            return;
        }
        for (String scope : wantedScopes) {
            if (!scopes.contains(KeyScope.fromWire(scope))) {
                throw new RegistryForbiddenException("scopes", "A key cannot be given the '" + scope
                        + "' scope by a caller that does not hold it");
            }
        }
        if (!allowedModels.contains(ApiKeyRecord.ALL_MODELS)) {
            for (String model : wantedModels) {
                if (!allowedModels.contains(model)) {
                    throw new RegistryForbiddenException("allowed_models", "A key cannot be given '" + model
                            + "' by a caller that may not use it");
                }
            }
        }
    }
}
