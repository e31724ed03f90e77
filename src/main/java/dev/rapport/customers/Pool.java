package dev.rapport.customers;

import java.time.Instant;
import java.util.List;

/**
 * A public pool (公海池) and its rules. Customers in it have no owner; a rep of one of its
 * departments (or a department below one; no departments = everyone) may claim them.
 *
 * <ul>
 * <li>{@code claimCap}: the most customers claimed from this pool that one rep may own at the same
 * time (customers they own whose pool is this one); null = no cap. Assignment by a manager is not
 * capped.</li>
 * <li>{@code followUpDays} (N): an owned customer goes back when no activity was logged on it for N
 * days, counted from the later of the day its owner got it and its last activity.</li>
 * <li>{@code purchaseDays} (M): it goes back when it bought nothing for M days, counted from the
 * later of the day its owner got it and its last purchase.</li>
 * <li>{@code warningDays}: the owner is warned this many days before (0 = no warning).</li>
 * <li>{@code defaultPool}: its rules also apply to owned customers that came from no pool whose
 * owner works in one of its departments; they are recaptured into it.</li>
 * </ul>
 */
public record Pool(long id, String name, String description, Integer claimCap, Integer followUpDays,
                   Integer purchaseDays, int warningDays, boolean defaultPool, boolean enabled,
                   List<Long> departmentIds, long version, Instant createdAt, Instant updatedAt) {
}
