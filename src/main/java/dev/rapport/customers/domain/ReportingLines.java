package dev.rapport.customers.domain;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who reports to whom in one organization (contact id → the contact they report to). A chain is a
 * forest: no contact may end up reporting to themselves, directly or through others.
 */
public final class ReportingLines {

    private final Map<Long, Long> managerOf;

    public ReportingLines(Map<Long, Long> managerOf) {
        this.managerOf = managerOf;
    }

    /**
     * Whether letting {@code contactId} report to {@code managerId} would close a loop, i.e. the
     * manager already reports to the contact through the current lines. Stops on lines that are
     * already broken (a loop elsewhere) instead of walking forever.
     */
    public boolean wouldCycle(long contactId, long managerId) {
        Set<Long> seen = new HashSet<>();
        Long at = managerId;
        while (at != null && seen.add(at)) {
            if (at == contactId) {
                return true;
            }
            at = managerOf.get(at);
        }
        return false;
    }
}
