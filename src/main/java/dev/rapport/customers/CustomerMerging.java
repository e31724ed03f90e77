package dev.rapport.customers;

import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.CustomerValidator;
import dev.rapport.customers.domain.DuplicateStore;
import dev.rapport.customers.domain.Normalizer;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.domain.ValidCustomer;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.OwnershipHandedOver;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicate detection and merging. A merge keeps one customer (the survivor), lets the user pick
 * each field's value from any of the merged records, and moves every contact, activity, status
 * change and history entry of the others to the survivor.
 */
@Service
public class CustomerMerging {

    /** Fields a user picks a value for when merging. */
    public static final List<String> MERGE_FIELDS = List.of("type", "name", "phone", "email", "credit_code", "province",
            "city", "district", "street", "industry", "source", "birthday", "status", "tier", "owner_id", "external_id", "notes");

    private final CustomerManagement customers;
    private final CustomerStore store;
    private final DuplicateStore duplicates;
    private final Normalizer normalizer;
    private final CustomerManagement.Collaborators with;
    private final JdbcClient jdbc;
    private final ContactStore contacts;

    CustomerMerging(CustomerManagement customers, CustomerStore store, DuplicateStore duplicates, Normalizer normalizer,
                    CustomerManagement.Collaborators with, JdbcClient jdbc, ContactStore contacts) {
        this.customers = customers;
        this.store = store;
        this.duplicates = duplicates;
        this.normalizer = normalizer;
        this.with = with;
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /** A new customer and the visible customers it may duplicate (the answer of POST /api/v1/customers). */
    public record Created(CustomerDetails customer, List<DuplicateCandidate> possibleDuplicates) {
    }

    /**
     * Creates a customer and lists the visible customers it may duplicate, in the create's
     * transaction: there PostgreSQL reuses the look-up's plan (see WriteTransactionPlans) instead
     * of planning it again for every create.
     */
    @Transactional
    public Created createWarned(CurrentUser user, CustomerInput input) {
        CustomerManagement.Written written = customers.write(user, input);
        ValidCustomer v = written.valid();
        // the keys as validated: the phone is not parsed nor the name romanised a second time
        return new Created(written.details(), similar(user, v.phoneNormalized(), v.emailNormalized(), v.creditCode(), v.nameKey(),
                written.details().id()));
    }

    /** Visible customers that look like the given input (same phone, e-mail, credit code or similar name). */
    public List<DuplicateCandidate> similarTo(CurrentUser user, CustomerInput in, Long excludeId) {
        boolean personal = CustomerType.INDIVIDUAL == CustomerType.parse(in.type() == null ? "organization" : in.type());
        String phoneN = normalizer.phones().normalize(in.phone()).orElse(null);
        String nameKey = in.name() == null || in.name().isBlank() ? null : normalizer.nameKey(in.name(), personal);
        return similar(user, phoneN, Normalizer.email(in.email()),
                in.creditCode() == null || in.creditCode().isBlank() ? null : in.creditCode().trim().toUpperCase(), nameKey, excludeId);
    }

    private List<DuplicateCandidate> similar(CurrentUser user, String phoneN, String emailN, String creditCode, String nameKey,
                                             Long excludeId) {
        var matches = duplicates.similar(phoneN, emailN, creditCode, nameKey, excludeId, with.users.scopeOf(user));
        Map<Long, UserSummary> owners = with.users.summaries(matches.stream().map(DuplicateStore.Match::ownerId).toList());
        return matches.stream().map(m -> new DuplicateCandidate(m.id(), m.name(), m.phone(), m.email(),
                owners.containsKey(m.ownerId()) ? owners.get(m.ownerId()).name() : null, m.reason())).toList();
    }

    public record DuplicateGroup(String kind, String key, long size, List<DuplicateCandidate> members) {
    }

    /** Groups of visible customers sharing a key of the given kind, paged by key. */
    public CursorPage<DuplicateGroup> groups(CurrentUser user, String kind, String afterKey, int limit) {
        user.require("customer", "view");
        if (!DuplicateStore.isKind(kind)) {
            throw new InvalidInputException("kind", "error.duplicates.kind", String.join(", ", DuplicateStore.kinds()));
        }
        OwnerScope scope = with.users.scopeOf(user);
        var groups = duplicates.groups(kind, afterKey, scope, limit + 1);
        String next = null;
        if (groups.size() > limit) {
            groups = groups.subList(0, limit);
            next = groups.get(limit - 1).key();
        }
        List<DuplicateGroup> out = new ArrayList<>();
        for (var g : groups) {
            var members = duplicates.byKey(kind, g.key(), scope, 20);
            Map<Long, UserSummary> owners = with.users.summaries(members.stream().map(DuplicateStore.Match::ownerId).toList());
            out.add(new DuplicateGroup(kind, g.key(), g.size(), members.stream().map(m -> new DuplicateCandidate(m.id(), m.name(),
                    m.phone(), m.email(), owners.containsKey(m.ownerId()) ? owners.get(m.ownerId()).name() : null, kind)).toList()));
        }
        return new CursorPage<>(out, next);
    }

    /**
     * Merges {@code ids} into {@code survivorId}. {@code choices} maps a field (see
     * {@link #MERGE_FIELDS}) to the id of the customer whose value to keep; unchosen fields keep
     * the survivor's value, or the first non-empty one. Tags are united. All versions must match
     * {@code versions} when given, so a merge never overwrites a concurrent edit.
     */
    @Transactional
    public CustomerDetails merge(CurrentUser user, long survivorId, List<Long> ids, Map<String, Long> choices,
                                 Map<Long, Long> versions) {
        user.require("customer", "merge");
        Set<Long> all = new LinkedHashSet<>();
        all.add(survivorId);
        if (ids != null) {
            all.addAll(ids);
        }
        if (all.size() < 2) {
            throw new InvalidInputException("ids", "error.merge.tooFew");
        }
        Map<Long, StoredCustomer> records = new LinkedHashMap<>();
        for (Long id : all) {
            StoredCustomer c = customers.visible(user, id);
            if (versions != null && versions.containsKey(id) && versions.get(id) != c.version()) {
                throw new dev.rapport.platform.StaleVersionException("customer", c.version());
            }
            records.put(id, c);
        }
        StoredCustomer survivor = records.get(survivorId);
        Map<String, Object> merged = new LinkedHashMap<>(survivor.fields());
        var errors = new InvalidInputException.Collector();
        for (String field : MERGE_FIELDS) {
            Long from = choices == null ? null : choices.get(field);
            if (from != null) {
                if (!records.containsKey(from)) {
                    errors.reject("choices." + field, "error.merge.choice");
                    continue;
                }
                merged.put(field, records.get(from).fields().get(field));
            } else if (merged.get(field) == null) {
                records.values().stream().map(r -> r.fields().get(field)).filter(v -> v != null).findFirst()
                        .ifPresent(v -> merged.put(field, v));
            }
        }
        errors.throwIfAny();
        Set<String> tags = new LinkedHashSet<>();
        records.values().forEach(r -> tags.addAll(CustomerValidator.tagList(r.tags())));
        Map<String, String> custom = mergedCustomValues(records, survivorId);
        CustomerInput input = new CustomerInput((String) merged.get("type"), (String) merged.get("name"),
                (String) merged.get("phone"), (String) merged.get("email"), (String) merged.get("credit_code"),
                (String) merged.get("province"), (String) merged.get("city"), (String) merged.get("district"),
                (String) merged.get("street"), (String) merged.get("industry"), (String) merged.get("source"),
                new ArrayList<>(tags), (java.time.LocalDate) merged.get("birthday"), (String) merged.get("status"),
                (String) merged.get("tier"), (Long) merged.get("owner_id"), (String) merged.get("external_id"),
                (String) merged.get("notes"), custom);
        var validation = new InvalidInputException.Collector();
        ValidCustomer valid = customers.validatorFor().validate(input, customers.validationContext(user), validation);
        validation.throwIfAny();
        customers.updateValid(user, survivor, valid, "merge");
        List<Long> others = records.keySet().stream().filter(id -> id != survivorId).toList();
        var now = with.clock.instant();
        contacts.moveToCustomer(others, survivorId, now);
        for (Long other : others) {
            contacts.refreshCompanyName(survivorId, records.get(other).name(), valid.name(), now);
        }
        jdbc.sql("update customer_status_history set customer_id = :s where customer_id in (:o)")
                .param("s", survivorId).param("o", others).update();
        // the survivor inherits the merge history of the merged, so chains of merges keep every entry
        jdbc.sql("update customer_merges set survivor_id = :s where survivor_id in (:o)").param("s", survivorId).param("o", others).update();
        for (Long other : others) {
            jdbc.sql("insert into customer_merges (merged_id, survivor_id, merged_at, merged_by) values (:m, :s, :now, :by)")
                    .param("m", other).param("s", survivorId).param("now", Timestamp.from(now)).param("by", user.id()).update();
        }
        with.events.publishEvent(new CustomersMerged(survivorId, others, user.id()));
        for (Long other : others) {
            with.audit.recordChanges("customer", other, "merged", user.id(), List.of(new AuditLog.Change("merged_into", null, survivorId)));
            store.delete(other);
        }
        with.audit.recordChanges("customer", survivorId, "merge", user.id(), List.of(new AuditLog.Change("merged_from", null, others.toString())));
        return customers.details(user, survivorId);
    }

    private Map<String, String> mergedCustomValues(Map<Long, StoredCustomer> records, long survivorId) {
        Map<Long, Map<Long, CustomValue>> values = store.customValues("customer", records.keySet());
        Map<String, String> out = new LinkedHashMap<>();
        List<Long> order = new ArrayList<>(records.keySet());
        order.remove(survivorId);
        order.add(0, survivorId);
        for (CustomFieldDef d : customers.customFields("customer")) {
            for (Long id : order) {
                CustomValue v = values.getOrDefault(id, Map.of()).get(d.id());
                if (v != null) {
                    out.put(d.key(), d.type() == CustomFieldDef.FieldType.MULTISELECT
                            ? String.join(",", CustomerValidator.tagList(v.text())) : String.valueOf(v.display()));
                    break;
                }
            }
        }
        return out;
    }

    /** Ids of the customers merged into this one, for its history tab. */
    public List<Long> mergedInto(long survivorId) {
        return jdbc.sql("select merged_id from customer_merges where survivor_id = :s").param("s", survivorId).query(Long.class).list();
    }

    /** A departing user's customers and contacts move to the receiving user, audited per record. */
    @EventListener
    void on(OwnershipHandedOver handOver) {
        var now = Timestamp.from(with.clock.instant());
        List<Long> customerIds = jdbc.sql("select id from customers where owner_id = :f").param("f", handOver.fromUserId()).query(Long.class).list();
        // the receiving user starts the pool rules' follow-up clock afresh: they just got these customers
        jdbc.sql("update customers set owner_id = :t, owned_since = :now, version = version + 1, updated_at = :now where owner_id = :f")
                .param("t", handOver.toUserId()).param("f", handOver.fromUserId()).param("now", now).update();
        with.audit.recordBulk("customer", customerIds, "owner", handOver.actorId(), "owner_id", null, String.valueOf(handOver.toUserId()));
        List<Long> contactIds = jdbc.sql("select id from contacts where owner_id = :f").param("f", handOver.fromUserId()).query(Long.class).list();
        jdbc.sql("update contacts set owner_id = :t, version = version + 1, updated_at = :now where owner_id = :f")
                .param("t", handOver.toUserId()).param("f", handOver.fromUserId()).param("now", now).update();
        with.audit.recordBulk("contact", contactIds, "owner", handOver.actorId(), "owner_id", null, String.valueOf(handOver.toUserId()));
    }
}
