package dev.rapport.customers.importing;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.StoredContact;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.domain.ValidContact;
import dev.rapport.platform.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Imports contact rows. The company column holds our customer id or an organization's exact
 * name; a batch's companies are looked up at once among the customers the user may see, and
 * every row then passes {@link ContactManagement#validate(ContactInput, StoredCustomer,
 * dev.rapport.customers.domain.ValidationContext, InvalidInputException.Collector)}, the check a
 * contact typed into the UI passes.
 */
@Component
class ContactRows implements RecordRows<ContactInput, ValidContact> {

    private final ContactStore store;
    private final CustomerStore customerStore;
    private final ContactManagement contacts;
    private final MatchFinder finder;
    private final CustomerRows.Shared shared;

    ContactRows(ContactStore store, CustomerStore customerStore, ContactManagement contacts, MatchFinder finder,
                CustomerRows.Shared shared) {
        this.store = store;
        this.customerStore = customerStore;
        this.contacts = contacts;
        this.finder = finder;
        this.shared = shared;
    }

    @Override
    public Prepared<ContactInput, ValidContact> prepare(ImportContext ctx, List<MappedRow> rows) {
        BatchResult result = new BatchResult();
        List<MatchKey> wanted = MatchFinder.keysFor(RecordType.CONTACTS, ctx.matchOn());
        Companies companies = companies(ctx, rows);
        List<Prepared.Candidate<ContactInput, ValidContact>> candidates = new ArrayList<>(rows.size());
        for (MappedRow row : rows) {
            var errors = new InvalidInputException.Collector();
            String company = row.get("company");
            Long customerId = company == null ? null : isId(company) ? Long.valueOf(company) : companies.byName().get(company);
            if (company != null && customerId == null) {
                errors.reject("company", "error.customer.unknown");
            }
            ContactInput in = ctx.inputs().contact(row, customerId, errors);
            ValidContact valid = contacts.validate(in, customerId == null ? null : companies.byId().get(customerId),
                    ctx.validation(), errors);
            if (errors.hasErrors()) {
                // an unknown company cannot be made right by a stored record, so only other errors wait for matching
                if (ctx.mode() != ImportMode.UPDATE || company != null && customerId == null) {
                    result.reject(row, RejectReason.encode(errors.errors()));
                } else {
                    candidates.add(new Prepared.Candidate<>(row, in, null, errors.errors(),
                            shared.keys(wanted, in.email(), in.phone(), null, in.externalId()), CustomerRows.Shared.recordId(row)));
                }
                continue;
            }
            candidates.add(new Prepared.Candidate<>(row, in, valid, List.of(), CustomerRows.Shared.normalizedKeys(wanted,
                    valid.emailNormalized(), valid.phoneNormalized(), null, valid.externalId()), CustomerRows.Shared.recordId(row)));
        }
        return new Prepared<>(candidates, result);
    }

    /** The batch's companies by name (organizations only) and by id, among those the user may see. */
    private record Companies(Map<String, Long> byName, Map<Long, StoredCustomer> byId) {
    }

    private Companies companies(ImportContext ctx, List<MappedRow> rows) {
        if (!ctx.user().can("customer", "view")) {
            // a user who may not see customers cannot link contacts to them: every company is unknown
            return new Companies(Map.of(), Map.of());
        }
        Set<String> names = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        for (MappedRow row : rows) {
            String c = row.get("company");
            if (c != null) {
                if (isId(c)) {
                    ids.add(Long.valueOf(c));
                } else {
                    names.add(c);
                }
            }
        }
        Map<String, Long> byName = finder.organizationsByName(names, ctx.scope());
        ids.addAll(byName.values());
        Map<Long, StoredCustomer> byId = customerStore.findAll(ids).stream().filter(c -> ctx.scope().includes(c.ownerId()))
                .collect(Collectors.toMap(StoredCustomer::id, Function.identity()));
        return new Companies(byName, byId);
    }

    @Override
    public BatchResult write(ImportContext ctx, Prepared<ContactInput, ValidContact> batch, Map<String, Long> earlier) {
        BatchResult result = batch.result();
        List<Prepared.Candidate<ContactInput, ValidContact>> candidates = batch.candidates();
        List<Matches.Outcome> outcomes = Matches.decide(finder, "contacts", batch.keys(), batch.recordIds(), batch.lines(), earlier);
        Map<Long, StoredContact> old = ctx.mode() != ImportMode.UPDATE ? Map.of()
                : store.findAll(outcomes.stream().filter(o -> o.kind() == Matches.Kind.EXISTING).map(o -> o.existing().id()).toList())
                        .stream().collect(Collectors.toMap(StoredContact::id, Function.identity()));
        Map<Long, Map<Long, CustomValue>> oldCustom = old.isEmpty() ? Map.of() : customerStore.customValues("contact", old.keySet());
        List<CustomFieldDef> defs = ctx.validation().customFields().stream().filter(d -> d.entityType().equals("contact")).toList();
        List<ValidContact> toInsert = new ArrayList<>();
        List<StoredContact> toUpdate = new ArrayList<>();
        List<ValidContact> updated = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Prepared.Candidate<ContactInput, ValidContact> c = candidates.get(i);
            Matches.Outcome o = outcomes.get(i);
            switch (RowAction.of(ctx, o, c.valid() != null, old.keySet())) {
                case INSERT -> toInsert.add(c.valid());
                case INVALID -> result.reject(c.row(), RejectReason.encode(c.errors()));
                case SKIP -> result.skip(c.row(), RowAction.skipReason(ctx, o));
                case NOT_VISIBLE -> result.reject(c.row(), RejectReason.encode("row", "error.import.notVisible"));
                case UPDATE -> {
                    StoredContact stored = old.get(o.existing().id());
                    var errors = new InvalidInputException.Collector();
                    ContactInput merged = StoredValues.overlay(stored,
                            StoredValues.asText(oldCustom.getOrDefault(stored.id(), Map.of()), defs), c.input());
                    ValidContact valid = validateMerged(ctx, merged, errors);
                    if (errors.hasErrors()) {
                        result.reject(c.row(), RejectReason.encode(errors.errors()));
                    } else {
                        toUpdate.add(stored);
                        updated.add(valid);
                    }
                }
            }
        }
        contacts.updateAllValid(ctx.user(), toUpdate, updated);
        result.updated += updated.size();
        insert(ctx, toInsert);
        result.created += toInsert.size();
        return result;
    }

    /**
     * The stored company is looked up again, since the batch may not have named it. A user without
     * customer:view cannot link contacts to companies; that is a rejected row, not a failed import.
     */
    private ValidContact validateMerged(ImportContext ctx, ContactInput merged, InvalidInputException.Collector errors) {
        try {
            return contacts.validate(ctx.user(), merged, ctx.validation(), errors);
        } catch (AccessDeniedException e) {
            errors.reject("company", "error.customer.unknown");
            return null;
        }
    }

    private static boolean isId(String text) {
        return text.matches("\\d{1,18}");
    }

    private void insert(ImportContext ctx, List<ValidContact> valid) {
        if (valid.isEmpty()) {
            return;
        }
        Instant now = shared.clock.instant();
        List<Long> ids = store.insertAll(valid, now);
        shared.audit.recordBulk("contact", ids, "import", ctx.user().id(), null, null, ctx.fileName());
    }
}
