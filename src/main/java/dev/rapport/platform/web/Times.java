package dev.rapport.platform.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Page times in the reader's time zone, as {@code #times} in templates:
 * {@code ${#times.dateTime(a.occurredAt)}}, {@code ${#times.date(c.createdAt)}}, and
 * {@code ${#times.input(t.dueAt)}} for the value of a {@code datetime-local} input.
 * Null stays null, so templates decide what an empty time looks like.
 */
public final class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;

    public Times(ZoneId zone) {
        this.zone = zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
    }

    public String date(Instant instant) {
        return instant == null ? null : DATE.format(instant.atZone(zone));
    }

    public String input(Instant instant) {
        return instant == null ? null : INPUT.format(instant.atZone(zone));
    }

    /** The zone's id, to tell the reader which zone a form's times are in. */
    public String zone() {
        return zone.getId();
    }

    /** The instant a wall-clock time typed into a form means in this zone. */
    public Instant parse(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
