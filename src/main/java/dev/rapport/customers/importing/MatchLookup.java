package dev.rapport.customers.importing;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Finds the stored records the rows of one batch match, in a few set-based queries (never one per
 * row): by normalized match value, and by our own id (the rapportId column of an export).
 */
public interface MatchLookup {

    /** Stored records by key and normalized value; when several share a value the lowest id wins. */
    Map<MatchKey, Map<String, MatchedRecord>> find(Map<MatchKey, Set<String>> values);

    /** Stored records among the given ids. */
    Map<Long, MatchedRecord> byIds(Collection<Long> ids);
}
