package dev.rapport.customers.importing;

import dev.rapport.platform.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * A batch read, validated and normalized ahead of writing, so the writer only matches and writes.
 * {@code result} already holds the rows that failed validation and can be rejected without
 * looking at stored records.
 *
 * @param <I> the input record (customer or contact)
 * @param <V> the validated record
 */
record Prepared<I, V>(List<Candidate<I, V>> candidates, BatchResult result) {

    /**
     * A row that goes on to matching: its input, the valid record (null when invalid, which only
     * update mode lets through, since the row may still complete a stored record), the validation
     * errors, its normalized match values and the record id it names itself (or null).
     */
    record Candidate<I, V>(MappedRow row, I input, V valid, List<InvalidInputException.FieldError> errors,
                           Map<MatchKey, String> keys, Long recordId) {
    }

    List<Map<MatchKey, String>> keys() {
        return candidates.stream().map(Candidate::keys).toList();
    }

    List<Long> recordIds() {
        return candidates.stream().map(Candidate::recordId).toList();
    }

    List<Long> lines() {
        return candidates.stream().map(c -> c.row().line()).toList();
    }

    /** The batch's match values with the first line holding each, as {@link Matches} tracks rows already seen. */
    Map<String, Long> seen() {
        Map<String, Long> out = new java.util.HashMap<>();
        for (Candidate<I, V> c : candidates) {
            c.keys().forEach((key, value) -> out.putIfAbsent(Matches.seenKey(key, value), c.row().line()));
        }
        return out;
    }
}
