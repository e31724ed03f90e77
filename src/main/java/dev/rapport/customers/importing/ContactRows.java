package dev.rapport.customers.importing;

import dev.rapport.customers.ContactInput;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.StoredContact;
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
 * Writes one batch of contact rows. The company column holds our customer id or an organization's
 * exact name; names are looked up once per batch among the organizations the user may see, and
 * every row then passes {@link ContactManagement#validate}, which checks the company again.
 */
@Component
class ContactRows {

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

    BatchResult write(ImportContext ctx, List<MappedRow> rows) {
        BatchResult result = new BatchResult();
        List<MatchKey> wanted = MatchFinder.keysFor(RecordType.CONTACTS, ctx.matchOn());
        Set<String> names = new HashSet<>();
        rows.stream().map(r -> r.get("company")).filter(c -> c != null && !isId(c)).forEach(names::add);
        Map<String, Long> companies = finder.organizationsByName(names, ctx.scope());
        List<MappedRow> candidates = new ArrayList<>();
        List<ContactInput> inputs = new ArrayList<>();
        List<ValidContact> valids = new ArrayList<>();
        List<Map<MatchKey, String>> keys = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (MappedRow row : rows) {
            var errors = new InvalidInputException.Collector();
            String company = row.get("company");
            Long customerId = company == null ? null : isId(company) ? Long.valueOf(company) : companies.get(company);
            if (company != null && customerId == null) {
                errors.reject("company", "error.customer.unknown");
            }
            ContactInput in = ctx.inputs().contact(row, customerId, errors);
            ValidContact valid = validate(ctx, in, errors);
            if (errors.hasErrors() && (ctx.mode() != ImportMode.UPDATE || company != null && customerId == null)) {
                result.reject(row, RejectReason.encode(errors.errors()));
                continue;
            }
            candidates.add(row);
            inputs.add(in);
            valids.add(errors.hasErrors() ? null : valid);
            keys.add(shared.keys(wanted, in.email(), in.phone(), null, in.externalId()));
            ids.add(CustomerRows.Shared.recordId(row));
        }
        List<Matches.Outcome> outcomes = Matches.decide(finder, "contacts", keys, ids);
        Map<Long, StoredContact> old = ctx.mode() != ImportMode.UPDATE ? Map.of()
                : store.findAll(outcomes.stream().filter(o -> o.kind() == Matches.Kind.EXISTING).map(o -> o.existing().id()).toList())
                        .stream().collect(Collectors.toMap(StoredContact::id, Function.identity()));
        Map<Long, Map<Long, CustomValue>> oldCustom = old.isEmpty() ? Map.of() : customerStore.customValues("contact", old.keySet());
        List<CustomFieldDef> defs = ctx.validation().customFields().stream().filter(d -> d.entityType().equals("contact")).toList();
        List<ValidContact> toInsert = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            MappedRow row = candidates.get(i);
            Matches.Outcome o = outcomes.get(i);
            switch (RowAction.of(ctx, o, valids.get(i) != null, old.keySet())) {
                case INSERT -> toInsert.add(valids.get(i));
                case INVALID -> {
                    var errors = new InvalidInputException.Collector();
                    validate(ctx, inputs.get(i), errors);
                    result.reject(row, RejectReason.encode(errors.errors()));
                }
                case DUPLICATE -> result.reject(row, RejectReason.encode("row", "error.import.duplicate"));
                case SKIP -> result.skipped++;
                case NOT_VISIBLE -> result.reject(row, RejectReason.encode("row", "error.import.notVisible"));
                case UPDATE -> {
                    StoredContact stored = old.get(o.existing().id());
                    var errors = new InvalidInputException.Collector();
                    ContactInput merged = StoredValues.overlay(stored,
                            StoredValues.asText(oldCustom.getOrDefault(stored.id(), Map.of()), defs), inputs.get(i));
                    ValidContact valid = validate(ctx, merged, errors);
                    if (errors.hasErrors()) {
                        result.reject(row, RejectReason.encode(errors.errors()));
                    } else {
                        contacts.updateValid(ctx.user(), stored, valid);
                        result.updated++;
                    }
                }
            }
        }
        insert(ctx, toInsert);
        result.created += toInsert.size();
        return result;
    }

    /** A user without customer:view cannot link contacts to companies; that is a rejected row, not a failed import. */
    private ValidContact validate(ImportContext ctx, ContactInput in, InvalidInputException.Collector errors) {
        try {
            return contacts.validate(ctx.user(), in, ctx.validation(), errors);
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
