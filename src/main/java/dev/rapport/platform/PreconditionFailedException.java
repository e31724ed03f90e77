package dev.rapport.platform;

/** An If-Match header that does not match the record's current ETag. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException() {
        super("If-Match does not match the current version");
    }
}
