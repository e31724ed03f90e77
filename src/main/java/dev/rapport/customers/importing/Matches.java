package dev.rapport.customers.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides for each row of a batch whether it is new, repeats an earlier row of the batch, or
 * matches a stored record. Earlier batches are already committed, so the database check covers
 * repeats across batches and only one batch's keys are ever held in memory.
 */
final class Matches {

    enum Kind { NEW, REPEATED, EXISTING }

    /**
     * @param existing    the stored record matched (also for a repeat of a row that matched it)
     * @param field       the field that matched: a {@link MatchKey} key, or "recordId"
     * @param earlierLine for a repeat, the line of the earlier row; otherwise 0
     */
    record Outcome(Kind kind, MatchedRecord existing, String field, long earlierLine) {
    }

    private Matches() {
    }

    static String seenKey(MatchKey key, String value) {
        return key.key() + ":" + value;
    }

    /**
     * @param keys  per row, its normalized match values (absent when blank)
     * @param ids   per row, the record id it names itself (rapportId column), or null
     * @param lines per row, its line in the file
     * @param pending match values of rows of earlier batches not committed yet (see {@link #seenKey}), with their line
     */
    static List<Outcome> decide(MatchLookup finder, List<Map<MatchKey, String>> keys, List<Long> ids,
                                List<Long> lines, Map<String, Long> pending) {
        Map<MatchKey, Set<String>> wanted = new EnumMap<>(MatchKey.class);
        for (Map<MatchKey, String> k : keys) {
            k.forEach((key, v) -> wanted.computeIfAbsent(key, x -> new HashSet<>()).add(v));
        }
        Map<MatchKey, Map<String, MatchedRecord>> stored = finder.find(wanted);
        Map<Long, MatchedRecord> byId = finder.byIds(ids.stream().filter(Objects::nonNull).toList());
        Map<String, Long> seen = new HashMap<>(pending);
        Map<Long, Long> seenIds = new HashMap<>();
        List<Outcome> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Map<MatchKey, String> k = keys.get(i);
            long line = lines.get(i);
            MatchedRecord existing = ids.get(i) == null ? null : byId.get(ids.get(i));
            String field = existing == null ? null : "recordId";
            for (var e : k.entrySet()) {
                if (existing == null) {
                    existing = stored.getOrDefault(e.getKey(), Map.of()).get(e.getValue());
                    field = existing == null ? null : e.getKey().key();
                }
            }
            Long earlier = null;
            String repeatedField = null;
            for (var e : k.entrySet()) {
                Long first = seen.putIfAbsent(seenKey(e.getKey(), e.getValue()), line);
                if (first != null && earlier == null) {
                    earlier = first;
                    repeatedField = e.getKey().key();
                }
            }
            if (existing != null) {
                Long first = seenIds.putIfAbsent(existing.id(), line);
                if (first != null && earlier == null) {
                    earlier = first;
                    repeatedField = field;
                }
            }
            if (earlier != null) {
                out.add(new Outcome(Kind.REPEATED, existing, repeatedField, earlier));
            } else if (existing != null) {
                out.add(new Outcome(Kind.EXISTING, existing, field, 0));
            } else {
                out.add(new Outcome(Kind.NEW, null, null, 0));
            }
        }
        return out;
    }
}
