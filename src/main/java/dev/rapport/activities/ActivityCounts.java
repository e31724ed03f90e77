package dev.rapport.activities;

import dev.rapport.activities.domain.ActivityDayCountStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many activities of each type owners logged in a range of days, read from the daily counts
 * (activity_day_counts) rather than the activities, so a year of a whole company costs one small
 * grouped scan. A day is a date in the company time zone ({@code rapport.default-time-zone}); an
 * activity counts for its owner on the day it occurred (tasks on the day they were planned for).
 * No permission check: the caller decides whose numbers a user may see.
 */
@Service
public class ActivityCounts {

    private final ActivityDayCountStore store;

    ActivityCounts(ActivityDayCountStore store) {
        this.store = store;
    }

    /**
     * Activities per owner and type that occurred on the days [from, to). {@code owners} null
     * means every owner; owners without any activity are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<ActivityType, Long>> byOwner(LocalDate from, LocalDate to, Collection<Long> owners) {
        Map<Long, Map<ActivityType, Long>> out = new HashMap<>();
        for (ActivityDayCountStore.OwnerTypeCount c : store.byOwner(from, to, owners)) {
            ActivityType type = ActivityType.parse(c.type());
            if (type != null) {
                out.computeIfAbsent(c.ownerId(), o -> new EnumMap<>(ActivityType.class)).merge(type, c.count(), Long::sum);
            }
        }
        return out;
    }

    /** All owners' activities of [from, to). */
    public Map<Long, Map<ActivityType, Long>> byOwner(LocalDate from, LocalDate to) {
        return byOwner(from, to, null);
    }
}
