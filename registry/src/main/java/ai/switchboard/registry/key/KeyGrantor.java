package ai.switchboard.registry.key;

import ai.switchboard.registry.ToolGrants;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;
import ai.switchboard.registry.admin.RegistryForbiddenException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who issues or changes a key, and what they hold: a key may never be given a scope or a model its grantor lacks, so
 * no caller can create or patch a key (its own included) into more than it has itself. An {@code admin} key holds
 * everything. A {@code team-admin} key without {@code admin} manages only its own team's keys: it sees no other key,
 * its new keys join its team, and it cannot move a key out of it.
 *
 * @param actor the name audit rows record
 * @param scopes the grantor's scopes
 * @param allowedModels the grantor's models ({@value ApiKeyRecord#ALL_MODELS} for every one)
 * @param teamId the grantor's team, or {@code null}
 * @param keyId the grantor's own key, or {@code null} for the gateway itself
 */
public record KeyGrantor(String actor, Set<KeyScope> scopes, Set<String> allowedModels, UUID teamId, UUID keyId) {

    public KeyGrantor {
        scopes = scopes.isEmpty() ? EnumSet.noneOf(KeyScope.class) : EnumSet.copyOf(scopes);
        allowedModels = Set.copyOf(allowedModels);
    }

    /** A grantor that is not one of the registry's keys. */
    public KeyGrantor(String actor, Set<KeyScope> scopes, Set<String> allowedModels, UUID teamId) {
        this(actor, scopes, allowedModels, teamId, null);
    }

    /** The gateway itself (bootstrap, the declarative file): it holds everything. */
    public static KeyGrantor system(String actor) {
        return new KeyGrantor(actor, EnumSet.allOf(KeyScope.class), Set.of(ApiKeyRecord.ALL_MODELS), null);
    }

    /** The caller of the admin API, holding what its key holds. */
    public static KeyGrantor of(String actor, ApiKeyRecord key) {
        return new KeyGrantor(actor, key.scopes(), key.allowedModels(), key.teamId(), key.id());
    }

    /** Whether the grantor is limited to its own team's keys (a team administrator, not an administrator). */
    public boolean teamBound() {
        return !scopes.contains(KeyScope.ADMIN);
    }

    /** Whether the grantor may read a key of {@code keyTeam}: a viewer reads every key, as an administrator does. */
    public boolean sees(UUID keyTeam) {
        return scopes.contains(KeyScope.VIEWER) || manages(keyTeam);
    }

    /** Whether the grantor may change a key of {@code keyTeam}. */
    public boolean manages(UUID keyTeam) {
        return !teamBound() || (teamId != null && teamId.equals(keyTeam));
    }

    /**
     * Whether the grantor may change what limits a key of {@code keyTeam} (its budgets and rate limits): a team
     * administrator manages its team's keys' limits, but never its own key's, which would let it lift its own cap.
     */
    public boolean managesLimitsOf(UUID key, UUID keyTeam) {
        return !teamBound() || (manages(keyTeam) && !key.equals(keyId));
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
                if (!allowedModels.contains(model) && !(ToolGrants.isToolGrant(model)
                        && ToolGrants.covers(Set.copyOf(allowedModels), model))) {
                    throw new RegistryForbiddenException("allowed_models", "A key cannot be given '" + model
                            + "' by a caller that may not use it");
                }
            }
        }
    }
}
