package dev.rapport.customers.importing;

import dev.rapport.platform.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The importer's steps for a type another module plugs in ({@link ImportedType}): the type checks
 * each row ahead of writing and writes a batch; matching against stored records and earlier rows,
 * the create/update/skip decision and the report are the importer's, as for customers and contacts.
 *
 * @param <V> the type's valid record
 */
final class PluggedRows<V> implements RecordRows<MappedRow, V> {

    private final ImportedType<V> type;

    PluggedRows(ImportedType<V> type) {
        this.type = type;
    }

    @Override
    public Prepared<MappedRow, V> prepare(ImportContext ctx, List<MappedRow> rows) {
        ImportSession session = new ImportSession(ctx);
        List<MatchKey> wanted = ctx.matchOn() != null ? List.of(ctx.matchOn()) : type.matchKeys();
        BatchResult result = new BatchResult();
        List<Prepared.Candidate<MappedRow, V>> candidates = new ArrayList<>(rows.size());
        for (MappedRow row : rows) {
            ImportedType.Checked<V> checked = type.check(session, row);
            Map<MatchKey, String> keys = new EnumMap<>(MatchKey.class);
            checked.keys().forEach((k, v) -> {
                if (wanted.contains(k) && v != null && !v.isBlank()) {
                    keys.put(k, v);
                }
            });
            boolean invalid = checked.valid() == null;
            if (invalid && ctx.mode() != ImportMode.UPDATE) {
                result.reject(row, RejectReason.encode(checked.errors()));
                continue;
            }
            candidates.add(new Prepared.Candidate<>(row, row, checked.valid(), invalid ? checked.errors() : List.of(), keys,
                    CustomerRows.Shared.recordId(row)));
        }
        return new Prepared<>(candidates, result);
    }

    @Override
    public BatchResult write(ImportContext ctx, Prepared<MappedRow, V> batch, Map<String, Long> earlier) {
        BatchResult result = batch.result();
        List<Prepared.Candidate<MappedRow, V>> candidates = batch.candidates();
        List<Matches.Outcome> outcomes = Matches.decide(type, batch.keys(), batch.recordIds(), batch.lines(), earlier);
        Set<Long> matched = new HashSet<>();
        outcomes.stream().filter(o -> o.kind() == Matches.Kind.EXISTING).forEach(o -> matched.add(o.existing().id()));
        List<V> inserts = new ArrayList<>();
        List<ImportedType.Update> updates = new ArrayList<>();
        Map<Long, MappedRow> byLine = new java.util.HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Prepared.Candidate<MappedRow, V> c = candidates.get(i);
            Matches.Outcome o = outcomes.get(i);
            switch (RowAction.of(ctx, o, c.valid() != null, matched)) {
                case INSERT -> inserts.add(c.valid());
                case INVALID -> result.reject(c.row(), RejectReason.encode(c.errors()));
                case SKIP -> result.skip(c.row(), RowAction.skipReason(ctx, o));
                case NOT_VISIBLE -> result.reject(c.row(), RejectReason.encode("row", "error.import.notVisible"));
                case UPDATE -> {
                    updates.add(new ImportedType.Update(c.row(), o.existing().id()));
                    byLine.put(c.row().line(), c.row());
                }
            }
        }
        Map<Long, List<FieldError>> refused = inserts.isEmpty() && updates.isEmpty() ? Map.of()
                : type.write(new ImportSession(ctx), inserts, updates);
        refused.forEach((line, errors) -> {
            MappedRow row = byLine.get(line);
            if (row != null) {
                result.reject(row, RejectReason.encode(errors));
            }
        });
        result.created += inserts.size();
        result.updated += updates.size() - refused.keySet().stream().filter(byLine::containsKey).count();
        return result;
    }
}
