package dev.rapport.customers.importing;

import dev.rapport.customers.CustomerInput;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.OwnerRouting;
import dev.rapport.customers.domain.CreditCode;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Imports customer rows: validates each with {@link CustomerValidator} (ahead of writing), decides
 * create/update/skip against stored records and earlier rows, and writes the new ones with COPY on
 * PostgreSQL (JDBC batches elsewhere), their status history and their audit entries likewise.
 */
@Component
class CustomerRows extends MatchingRecordRows<CustomerInput, ValidCustomer, StoredCustomer> {

    private final CustomerStore store;
    private final CustomerValidator validator;
    private final CustomerManagement customers;
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

        /** Normalized match values of a row that failed validation, as the validators would store them. */
        Map<MatchKey, String> keys(List<MatchKey> wanted, String email, String phone, String creditCode, String externalId) {
            return normalizedKeys(wanted, Normalizer.email(email),
                    phone == null ? null : normalizer.phones().normalize(phone).orElse(null),
                    creditCode == null ? null : CreditCode.normalize(creditCode),
                    externalId == null ? null : externalId.trim());
        }

        /** Match values of a valid row: the normalized values it will be stored with. */
        static Map<MatchKey, String> normalizedKeys(List<MatchKey> wanted, String email, String phone, String creditCode,
                                                    String externalId) {
            Map<MatchKey, String> out = new EnumMap<>(MatchKey.class);
            for (MatchKey k : wanted) {
                String v = switch (k) {
                    case EMAIL -> email;
                    case PHONE -> phone;
                    case CREDIT_CODE -> creditCode;
                    case EXTERNAL_ID -> externalId;
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
        super(finder);
        this.store = store;
        this.validator = validator;
        this.customers = customers;
        this.shared = shared;
    }

    @Override
    public Prepared<CustomerInput, ValidCustomer> prepare(ImportContext ctx, List<MappedRow> rows) {
        BatchResult result = new BatchResult();
        List<MatchKey> wanted = MatchFinder.keysFor(RecordType.CUSTOMERS, ctx.matchOn());
        List<Prepared.Candidate<CustomerInput, ValidCustomer>> candidates = new ArrayList<>(rows.size());
        for (MappedRow row : rows) {
            var errors = new InvalidInputException.Collector();
            CustomerInput in = ctx.inputs().customer(row, errors);
            ValidCustomer valid = validator.validate(in, ctx.validation(), errors);
            if (errors.hasErrors()) {
                // in update mode an incomplete row may still complete a stored record, so it is judged after matching
                if (ctx.mode() != ImportMode.UPDATE) {
                    result.reject(row, RejectReason.encode(errors.errors()));
                } else {
                    candidates.add(new Prepared.Candidate<>(row, in, null, errors.errors(),
                            shared.keys(wanted, in.email(), in.phone(), in.creditCode(), in.externalId()), Shared.recordId(row)));
                }
                continue;
            }
            candidates.add(new Prepared.Candidate<>(row, in, valid, List.of(), Shared.normalizedKeys(wanted,
                    valid.emailNormalized(), valid.phoneNormalized(), valid.creditCode(), valid.externalId()), Shared.recordId(row)));
        }
        return new Prepared<>(candidates, result);
    }

    @Override
    String table() {
        return "customers";
    }

    @Override
    String entityType() {
        return "customer";
    }

    @Override
    List<StoredCustomer> findAll(List<Long> ids) {
        return store.findAll(ids);
    }

    @Override
    long idOf(StoredCustomer stored) {
        return stored.id();
    }

    @Override
    Map<Long, Map<Long, CustomValue>> customValues(Collection<Long> ids) {
        return store.customValues("customer", ids);
    }

    @Override
    CustomerInput overlay(StoredCustomer stored, Map<String, String> storedCustom, CustomerInput row) {
        return StoredValues.overlay(stored, storedCustom, row);
    }

    @Override
    ValidCustomer validateMerged(ImportContext ctx, CustomerInput merged, InvalidInputException.Collector errors) {
        return validator.validate(merged, ctx.validation(), errors);
    }

    @Override
    void store(ImportContext ctx, List<StoredCustomer> toUpdate, List<ValidCustomer> updated, List<ValidCustomer> toInsert,
               List<CustomerInput> insertInputs) {
        customers.updateAllValid(ctx.user(), toUpdate, updated, "import");
        insert(ctx, toInsert, insertInputs);
    }

    /**
     * New customers with their first status and an "import" audit entry naming the file. Rows that
     * name no owner go to the assignment rules (the importing user owns those no rule takes), with
     * an "assign" audit entry naming the rule.
     */
    private void insert(ImportContext ctx, List<ValidCustomer> given, List<CustomerInput> inputs) {
        if (given.isEmpty()) {
            return;
        }
        List<ValidCustomer> valid = new ArrayList<>(given);
        List<Integer> unowned = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).ownerId() == null) {
                unowned.add(i);
            }
        }
        List<OwnerRouting.Routed> routed = unowned.isEmpty() ? List.of()
                : customers.route(unowned.stream().map(inputs::get).toList());
        for (int k = 0; k < unowned.size(); k++) {
            if (routed.get(k) != null) {
                valid.set(unowned.get(k), valid.get(unowned.get(k)).withOwner(routed.get(k).ownerId()));
            }
        }
        Instant now = shared.clock.instant();
        List<Long> ids = store.insertAll(valid, now);
        store.insertStatusHistoryBatch(ids, valid.stream().map(v -> v.status().key()).toList(), ctx.user().id(), now);
        shared.audit.recordBulk("customer", ids, "import", ctx.user().id(), null, null, ctx.fileName());
        Map<String, List<Long>> byRule = new java.util.LinkedHashMap<>();
        for (int k = 0; k < unowned.size(); k++) {
            OwnerRouting.Routed r = routed.get(k);
            if (r != null) {
                byRule.computeIfAbsent("assigned by rule " + r.ruleName() + " (#" + r.ruleId() + ")", x -> new ArrayList<>())
                        .add(ids.get(unowned.get(k)));
            }
        }
        byRule.forEach((why, list) -> shared.audit.recordBulk("customer", list, "assign", ctx.user().id(), null, null, why));
    }
}
