package ai.switchboard.registry;

import java.util.Objects;
import java.util.UUID;

/** A team as the request path sees it: keys point at it by id, and metrics and the ledger name it. */
public record TeamConfig(UUID id, String name) {

    public TeamConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
