package ai.switchboard.gateway.admin;

import ai.switchboard.registry.admin.FieldErrors;
import ai.switchboard.registry.admin.RegistryValidationException;

/**
 * The body of {@code POST /admin/v1/config:rollback}: either {@code {"revision": N}} (the whole registry) or
 * {@code {"entity": {"kind": "models", "id": "..."}, "version": V}} (one entity to one of its versions).
 */
record RollbackRequest(Long revision, Entity entity, Integer version) {

    /** @param kind the admin API collection ({@code models}, {@code cache-policies}, ...); @param id a UUID or name */
    record Entity(String kind, String id) {
    }

    /** Refuses a body that is neither form, or both. */
    RollbackRequest checked() {
        if (revision != null && (entity != null || version != null)) {
            throw new RegistryValidationException("revision", "give either revision, or entity and version");
        }
        if (revision == null && entity == null && version == null) {
            throw new RegistryValidationException("body", "give either revision, or entity and version");
        }
        FieldErrors errors = new FieldErrors();
        if (revision != null && revision < 0) {
            errors.add("revision", "must be 0 or more");
        }
        if (revision == null) {
            if (entity == null) {
                errors.add("entity", "is required with version");
            } else {
                errors.required("entity.kind", entity.kind()).required("entity.id", entity.id());
                errors.text("entity.kind", entity.kind(), 64).text("entity.id", entity.id(), 256);
            }
            if (version == null) {
                errors.add("version", "is required with entity");
            } else if (version < 1) {
                errors.add("version", "must be 1 or more");
            }
        }
        errors.throwIfAny();
        return this;
    }
}
