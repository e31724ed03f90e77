package dev.rapport.customers.importing;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.StoredContact;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.domain.ValidContact;
import dev.rapport.platform.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
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
class ContactRows extends MatchingRecordRows<ContactInput, ValidContact, StoredContact> {

    private final ContactStore store;
    private final CustomerStore customerStore;
    private final ContactManagement contacts;
    private final MatchFinder finder;
    private final CustomerRows.Shared shared;

    ContactRows(ContactStore store, CustomerStore customerStore, ContactManagement contacts, MatchFinder finder,
                CustomerRows.Shared shared) {
        super(finder);
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
    String table() {
        return "contacts";
    }

    @Override
    String entityType() {
        return "contact";
    }

    @Override
    List<StoredContact> findAll(List<Long> ids) {
        return store.findAll(ids);
    }

    @Override
    long idOf(StoredContact stored) {
        return stored.id();
    }

    @Override
    Map<Long, Map<Long, CustomValue>> customValues(Collection<Long> ids) {
        return customerStore.customValues("contact", ids);
    }

    @Override
    ContactInput overlay(StoredContact stored, Map<String, String> storedCustom, ContactInput row) {
        return StoredValues.overlay(stored, storedCustom, row);
    }

    @Override
    void store(ImportContext ctx, List<StoredContact> toUpdate, List<ValidContact> updated, List<ValidContact> toInsert,
               List<ContactInput> insertInputs) {
        contacts.updateAllValid(ctx.user(), toUpdate, updated);
        insert(ctx, toInsert);
    }

    /**
     * The stored company is looked up again, since the batch may not have named it. A user without
     * customer:view cannot link contacts to companies; that is a rejected row, not a failed import.
     */
    @Override
    ValidContact validateMerged(ImportContext ctx, ContactInput merged, InvalidInputException.Collector errors) {
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
