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
}
