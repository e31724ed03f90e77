package dev.rapport.platform;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone of the user signed in on the current request. The platform formats and parses
 * page times with it but does not know users; the identity module implements it.
 */
public interface SignedInUserZone {

    /** Empty when nobody is signed in on this thread (login page, background jobs). */
    Optional<ZoneId> zone();
}
