package ai.switchboard.registry.declarative;

/** What applying one section did. */
public record SectionResult(int created, int updated, int unchanged) {

    public boolean changed() {
        return created > 0 || updated > 0;
    }

    SectionResult plus(SectionResult other) {
        return new SectionResult(created + other.created, updated + other.updated, unchanged + other.unchanged);
    }

    static SectionResult ofCreated() {
        return new SectionResult(1, 0, 0);
    }

    static SectionResult ofUpdated() {
        return new SectionResult(0, 1, 0);
    }

    static SectionResult ofUnchanged() {
        return new SectionResult(0, 0, 1);
    }

    static SectionResult none() {
        return new SectionResult(0, 0, 0);
    }
}
