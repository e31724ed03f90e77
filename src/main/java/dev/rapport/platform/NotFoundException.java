package dev.rapport.platform;

/**
 * A record that does not exist, or that the current user may not see: both answer 404 so a
 * record outside the user's data scope never reveals that it exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
