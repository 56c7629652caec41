package ai.switchboard.gateway.agent.run;

import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.registry.KeyScope;

/**
 * Who may read or cancel a stored run: the key that started it, an admin key, or a team admin of the starting key's
 * team. Anyone else is told the run does not exist, so ids cannot be probed.
 */
final class RunAccess {

    private RunAccess() {
    }

    static boolean allows(ApiKeyRecord key, StoredRun run) {
        if (key.id().equals(run.keyId()) || key.hasScope(KeyScope.ADMIN)) {
            return true;
        }
        return key.hasScope(KeyScope.TEAM_ADMIN) && run.teamId() != null && run.teamId().equals(key.teamId());
    }
}
