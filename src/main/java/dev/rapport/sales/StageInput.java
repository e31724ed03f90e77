package dev.rapport.sales;

/**
 * A stage as an administrator edits it. {@code id} null adds a stage; {@code version} is the
 * version read (for an existing stage). Position is the order on the board.
 */
public record StageInput(Long id, String name, Integer position, Integer probability, String kind, Long version) {
}
