package ai.switchboard.registry.declarative;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One top-level section of the declarative registry file ({@code providers:}, {@code models:}, {@code routes:},
 * {@code keys:}). A new entity type (agents, tools) joins the file by adding a section bean; the service finds them
 * all.
 */
public interface DeclarativeSection {

    /** The top-level key of this section in the file. */
    String key();

    /** Sections apply in ascending order inside one transaction, so a section may refer to earlier ones' entries. */
    int order();

    /**
     * Brings the registry in line with {@code entries} (a list), changing only what differs. Runs inside the apply
     * transaction; reports problems to {@code context} instead of throwing, so every error in the file is listed.
     */
    SectionResult apply(List<JsonNode> entries, ApplyContext context);

    /** The live registry's entries of this section, in file form, secrets omitted. */
    List<?> export();

    /**
     * The audit entity type of this section's entries (the {@code ENTITY} of its admin service): naming it keeps
     * every version of them in the registry history, so they can be listed, exported at a revision and rolled back.
     * Null keeps none.
     */
    default String historyType() {
        return null;
    }

    /** The name the admin service gives an entry's entity in audit rows: by default its {@code name} field. */
    default String entryName(JsonNode entry) {
        JsonNode name = entry.get("name");
        return name == null || !name.isString() ? null : name.asString();
    }

    /**
     * How a rollback re-creates an entity that no longer exists, since history never holds its secret: as-is (no
     * secret needed, or it works without one), or not at all (its secret, say a key's hash, cannot be re-created).
     * Entries with an {@code enabled} field that hold secrets are re-created disabled.
     */
    default SecretRestore secretRestore() {
        return SecretRestore.NONE;
    }
}
