package dev.rapport.customers.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides for each row of a batch whether it is new, repeats an earlier row of the batch, or
 * matches a stored record. Earlier batches are already committed, so the database check covers
 * repeats across batches and only one batch's keys are ever held in memory.
 */
final class Matches {

    enum Kind { NEW, REPEATED, EXISTING }

    record Outcome(Kind kind, MatchFinder.Existing existing) {
    }

    private Matches() {
    }

    /**
     * @param keys  per row, its normalized match values (absent when blank)
     * @param ids   per row, the record id it names itself (rapportId column), or null
     */
    static List<Outcome> decide(MatchFinder finder, String table, List<Map<MatchKey, String>> keys, List<Long> ids) {
        Map<MatchKey, Set<String>> wanted = new EnumMap<>(MatchKey.class);
        for (Map<MatchKey, String> k : keys) {
            k.forEach((key, v) -> wanted.computeIfAbsent(key, x -> new HashSet<>()).add(v));
        }
        Map<MatchKey, Map<String, MatchFinder.Existing>> stored = finder.find(table, wanted);
        Map<Long, MatchFinder.Existing> byId = finder.byIds(table, ids.stream().filter(java.util.Objects::nonNull).toList());
        Set<String> seen = new HashSet<>();
        Map<Long, Boolean> seenIds = new HashMap<>();
        List<Outcome> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Map<MatchKey, String> k = keys.get(i);
            MatchFinder.Existing existing = ids.get(i) == null ? null : byId.get(ids.get(i));
            for (var e : k.entrySet()) {
                if (existing == null) {
                    existing = stored.getOrDefault(e.getKey(), Map.of()).get(e.getValue());
                }
            }
            boolean repeated = false;
            for (var e : k.entrySet()) {
                repeated |= !seen.add(e.getKey() + ":" + e.getValue());
            }
            if (existing != null) {
                repeated |= seenIds.put(existing.id(), true) != null;
            }
            if (repeated) {
                out.add(new Outcome(Kind.REPEATED, existing));
            } else if (existing != null) {
                out.add(new Outcome(Kind.EXISTING, existing));
            } else {
                out.add(new Outcome(Kind.NEW, null));
            }
        }
        return out;
    }
}
