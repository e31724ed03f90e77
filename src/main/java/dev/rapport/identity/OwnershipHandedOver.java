package dev.rapport.identity;

/**
 * A departing user's records were handed to another user. Each module that owns records moves
 * them within the same transaction, so the hand-over is all or nothing.
 */
public record OwnershipHandedOver(long fromUserId, long toUserId, long actorId) {
}
