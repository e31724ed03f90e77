package dev.rapport.customers.importing;

import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writing a batch is the same for customers and contacts: match the prepared rows against stored
 * records and earlier rows, decide each row's fate ({@link RowAction}), merge and validate the
 * updates over the stored values, then store the updates and the new records together. The record
 * types supply only their look-ups, merge, validation and writes.
 *
 * @param <I> the input record
 * @param <V> the validated record
 * @param <S> the stored record
 */
abstract class MatchingRecordRows<I, V, S> implements RecordRows<I, V> {

    private final MatchFinder finder;

    MatchingRecordRows(MatchFinder finder) {
        this.finder = finder;
    }

    /** The table and custom-field entity type: "customers"/"customer" or "contacts"/"contact". */
    abstract String table();

    abstract String entityType();

    abstract List<S> findAll(List<Long> ids);

    abstract long idOf(S stored);

    abstract Map<Long, Map<Long, CustomValue>> customValues(Collection<Long> ids);

    /** The input of an update: the stored values, with the row's values over them. */
    abstract I overlay(S stored, Map<String, String> storedCustom, I row);

    /** Validates the merged input of an update; null with errors when it is invalid. */
    abstract V validateMerged(ImportContext ctx, I merged, InvalidInputException.Collector errors);

    /** Writes the batch's updates and new records (with the rows' inputs), each with its history and audit. */
    abstract void store(ImportContext ctx, List<S> toUpdate, List<V> updated, List<V> toInsert, List<I> insertInputs);

    @Override
    public final BatchResult write(ImportContext ctx, Prepared<I, V> batch, Map<String, Long> earlier) {
        BatchResult result = batch.result();
        List<Prepared.Candidate<I, V>> candidates = batch.candidates();
        List<Matches.Outcome> outcomes = Matches.decide(finder.on(table()), batch.keys(), batch.recordIds(), batch.lines(), earlier);
        Map<Long, S> old = ctx.mode() != ImportMode.UPDATE ? Map.of()
                : findAll(outcomes.stream().filter(o -> o.kind() == Matches.Kind.EXISTING).map(o -> o.existing().id()).toList())
                        .stream().collect(Collectors.toMap(this::idOf, Function.identity()));
        Map<Long, Map<Long, CustomValue>> oldCustom = old.isEmpty() ? Map.of() : customValues(old.keySet());
        List<CustomFieldDef> defs = ctx.validation().customFields().stream().filter(d -> d.entityType().equals(entityType())).toList();
        List<V> toInsert = new ArrayList<>();
        List<I> insertInputs = new ArrayList<>();
        List<S> toUpdate = new ArrayList<>();
        List<V> updated = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Prepared.Candidate<I, V> c = candidates.get(i);
            Matches.Outcome o = outcomes.get(i);
            switch (RowAction.of(ctx, o, c.valid() != null, old.keySet())) {
                case INSERT -> {
                    toInsert.add(c.valid());
                    insertInputs.add(c.input());
                }
                case INVALID -> result.reject(c.row(), RejectReason.encode(c.errors()));
                case SKIP -> result.skip(c.row(), RowAction.skipReason(ctx, o));
                case NOT_VISIBLE -> result.reject(c.row(), RejectReason.encode("row", "error.import.notVisible"));
                case UPDATE -> {
                    S stored = old.get(o.existing().id());
                    var errors = new InvalidInputException.Collector();
                    I merged = overlay(stored, StoredValues.asText(oldCustom.getOrDefault(idOf(stored), Map.of()), defs), c.input());
                    V valid = validateMerged(ctx, merged, errors);
                    if (errors.hasErrors()) {
                        result.reject(c.row(), RejectReason.encode(errors.errors()));
                    } else {
                        toUpdate.add(stored);
                        updated.add(valid);
                    }
                }
            }
        }
        store(ctx, toUpdate, updated, toInsert, insertInputs);
        result.updated += updated.size();
        result.created += toInsert.size();
        return result;
    }
}
