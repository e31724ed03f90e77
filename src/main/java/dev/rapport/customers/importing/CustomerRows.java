package dev.rapport.customers.importing;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.domain.CreditCode;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.CustomerValidator;
import dev.rapport.customers.domain.Normalizer;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.domain.ValidCustomer;
import dev.rapport.identity.AuditLog;
import dev.rapport.platform.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of customer rows: validates each with {@link CustomerValidator}, decides
 * create/update/skip against stored records and earlier rows, and inserts the new ones with one
 * JDBC batch (plus one for their status history and one for the audit).
 */
@Component
class CustomerRows {

    private final CustomerStore store;
    private final CustomerValidator validator;
    private final CustomerManagement customers;
    private final MatchFinder finder;
    private final Shared shared;

    /** Services that do not vary by record type, grouped to keep constructors small. */
    @Component
    static class Shared {
        final Normalizer normalizer;
        final AuditLog audit;
        final Clock clock;

        Shared(Normalizer normalizer, AuditLog audit, Clock clock) {
            this.normalizer = normalizer;
            this.audit = audit;
            this.clock = clock;
        }

        /** Normalized match values of a row, as the validators would store them. */
        Map<MatchKey, String> keys(List<MatchKey> wanted, String email, String phone, String creditCode, String externalId) {
            Map<MatchKey, String> out = new EnumMap<>(MatchKey.class);
            for (MatchKey k : wanted) {
                String v = switch (k) {
                    case EMAIL -> Normalizer.email(email);
                    case PHONE -> phone == null ? null : normalizer.phones().normalize(phone).orElse(null);
                    case CREDIT_CODE -> creditCode == null ? null : CreditCode.normalize(creditCode);
                    case EXTERNAL_ID -> externalId == null || externalId.isBlank() ? null : externalId.trim();
                };
                if (v != null && !v.isBlank()) {
                    out.put(k, v);
                }
            }
            return out;
        }

        static Long recordId(MappedRow row) {
            String id = row.get("recordId");
            return id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
        }
    }

    CustomerRows(CustomerStore store, CustomerValidator validator, CustomerManagement customers, MatchFinder finder, Shared shared) {
        this.store = store;
        this.validator = validator;
        this.customers = customers;
        this.finder = finder;
        this.shared = shared;
    }

    BatchResult write(ImportContext ctx, List<MappedRow> rows) {
        BatchResult result = new BatchResult();
        List<MatchKey> wanted = MatchFinder.keysFor(RecordType.CUSTOMERS, ctx.matchOn());
        List<MappedRow> candidates = new ArrayList<>();
        List<CustomerInput> inputs = new ArrayList<>();
        List<ValidCustomer> valids = new ArrayList<>();
        List<Map<MatchKey, String>> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (MappedRow row : rows) {
            var errors = new InvalidInputException.Collector();
            CustomerInput in = ctx.inputs().customer(row, errors);
            ValidCustomer valid = validator.validate(in, ctx.validation(), errors);
            // in update mode an incomplete row may still complete a stored record, so it is judged after matching
            if (errors.hasErrors() && ctx.mode() != ImportMode.UPDATE) {
                result.reject(row, RejectReason.encode(errors.errors()));
                continue;
            }
            candidates.add(row);
            inputs.add(in);
            valids.add(errors.hasErrors() ? null : valid);
            keys.add(shared.keys(wanted, in.email(), in.phone(), in.creditCode(), in.externalId()));
            ids.add(Shared.recordId(row));
        }
        List<Matches.Outcome> outcomes = Matches.decide(finder, "customers", keys, ids);
        Map<Long, StoredCustomer> old = ctx.mode() != ImportMode.UPDATE ? Map.of()
                : store.findAll(outcomes.stream().filter(o -> o.kind() == Matches.Kind.EXISTING).map(o -> o.existing().id()).toList())
                        .stream().collect(Collectors.toMap(StoredCustomer::id, Function.identity()));
        Map<Long, Map<Long, CustomValue>> oldCustom = old.isEmpty() ? Map.of() : store.customValues("customer", old.keySet());
        List<CustomFieldDef> defs = ctx.validation().customFields().stream().filter(d -> d.entityType().equals("customer")).toList();
        List<ValidCustomer> toInsert = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            MappedRow row = candidates.get(i);
            Matches.Outcome o = outcomes.get(i);
            switch (RowAction.of(ctx, o, valids.get(i) != null, old.keySet())) {
                case INSERT -> toInsert.add(valids.get(i));
                case INVALID -> {
                    var errors = new InvalidInputException.Collector();
                    validator.validate(inputs.get(i), ctx.validation(), errors);
                    result.reject(row, RejectReason.encode(errors.errors()));
                }
                case DUPLICATE -> result.reject(row, RejectReason.encode("row", "error.import.duplicate"));
                case SKIP -> result.skipped++;
                case NOT_VISIBLE -> result.reject(row, RejectReason.encode("row", "error.import.notVisible"));
                case UPDATE -> {
                    StoredCustomer stored = old.get(o.existing().id());
                    var errors = new InvalidInputException.Collector();
                    CustomerInput merged = StoredValues.overlay(stored,
                            StoredValues.asText(oldCustom.getOrDefault(stored.id(), Map.of()), defs), inputs.get(i));
                    ValidCustomer valid = validator.validate(merged, ctx.validation(), errors);
                    if (errors.hasErrors()) {
                        result.reject(row, RejectReason.encode(errors.errors()));
                    } else {
                        customers.updateValid(ctx.user(), stored, valid, "import");
                        result.updated++;
                    }
                }
            }
        }
        insert(ctx, toInsert);
        result.created += toInsert.size();
        return result;
    }

    private void insert(ImportContext ctx, List<ValidCustomer> valid) {
        if (valid.isEmpty()) {
            return;
        }
        Instant now = shared.clock.instant();
        List<Long> ids = store.insertAll(valid, now);
        store.insertStatusHistoryBatch(ids, valid.stream().map(v -> v.status().key()).toList(), ctx.user().id(), now);
        shared.audit.recordBulk("customer", ids, "import", ctx.user().id(), null, null, ctx.fileName());
    }
}
