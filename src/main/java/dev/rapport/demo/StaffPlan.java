package dev.rapport.demo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Who owns demo customers: the sales reps (and, for a few, the manager) of each region; the
 * regions' departments (the demo's public pool is theirs).
 */
record StaffPlan(Map<String, List<Long>> repsByRegion, Map<String, Long> managerByRegion, List<String> emails,
                 List<Long> salesDepartments) {

    long ownerIn(String region, RandomGenerator r) {
        List<Long> reps = repsByRegion.get(region);
        // managers keep a few accounts themselves
        if (r.nextInt(20) == 0 || reps.isEmpty()) {
            return managerByRegion.get(region);
        }
        return reps.get(r.nextInt(reps.size()));
    }
}
