package dev.rapport.platform;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which time zone a person reads and enters times in. Pages use the signed-in user's zone (their
 * account setting), falling back to {@code rapport.default-time-zone}; the API always speaks
 * ISO-8601 instants, so it needs no zone except for date-only filters.
 */
@Component
public class TimeZones {

    /**
     * Every zone id the JVM knows, read once: {@code ZoneId.getAvailableZoneIds()} builds a new set
     * of about 600 ids on each call, and parsing each user's zone that way cost a quarter of the
     * server's CPU in a customer create (which lists the users twice).
     */
    private static final Set<String> KNOWN = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** Region ids such as Asia/Shanghai plus UTC, for pickers; the legacy aliases (PRC, EST5EDT...) are left out. */
    private static final List<String> IDS = KNOWN.stream()
            .filter(id -> id.equals("UTC") || id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private final ZoneId defaultZone;
    /** Looked up once: an ObjectProvider resolves the bean again on every call. */
    private final Supplier<SignedInUserZone> signedIn;

    TimeZones(@Value("${rapport.default-time-zone:Asia/Shanghai}") String defaultZone, ObjectProvider<SignedInUserZone> signedIn) {
        // a typo in RAPPORT_TIME_ZONE stops the start instead of silently showing server times
        this.defaultZone = parse(defaultZone).orElseThrow(() -> new IllegalArgumentException(
                "rapport.default-time-zone (RAPPORT_TIME_ZONE) is not an IANA time zone: " + defaultZone));
        this.signedIn = SingletonSupplier.of(signedIn::getIfAvailable);
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** The signed-in user's zone, or the default when nobody is signed in. */
    public ZoneId current() {
        SignedInUserZone user = signedIn.get();
        return user == null ? defaultZone : user.zone().orElse(defaultZone);
    }

    /** An IANA zone id (Asia/Shanghai, Europe/Berlin, UTC); offsets and unknown names are empty. */
    public static Optional<ZoneId> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String trimmed = id.trim();
        if (!KNOWN.contains(trimmed)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(trimmed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The zone's id if {@code id} names one, else null with the error recorded against {@code field}. */
    public static String check(String id, String field, InvalidInputException.Collector errors) {
        Optional<ZoneId> zone = parse(id);
        if (zone.isEmpty()) {
            errors.reject(field, "error.timeZone.unknown");
            return null;
        }
        return zone.get().getId();
    }

    /** The zone ids offered in pickers, sorted. */
    public static List<String> ids() {
        return IDS;
    }
}
