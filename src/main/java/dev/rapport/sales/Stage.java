package dev.rapport.sales;

/**
 * A stage of a pipeline. {@code builtinKey} marks a seeded stage: while its name is the seeded
 * English one, pages show the translation.
 */
public record Stage(long id, long pipelineId, String name, String builtinKey, int position, int probability, String kind,
                    long version) {

    public boolean isOpen() {
        return StageKind.OPEN.key().equals(kind);
    }
}
