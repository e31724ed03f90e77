package dev.rapport.customers;

import java.util.List;

/** What an administrator enters for a pool; see {@link Pool} for the meaning of each rule. */
public record PoolInput(String name, String description, Integer claimCap, Integer followUpDays, Integer purchaseDays,
                        Integer warningDays, Boolean defaultPool, Boolean enabled, List<Long> departmentIds) {
}
