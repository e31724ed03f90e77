package dev.rapport.customers;

import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomFieldStore;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.CustomerValidator;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.domain.ValidCustomer;
import dev.rapport.customers.domain.ValidationContext;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers: create, change, delete, status, owner, tags. Every read and write is limited to the
 * user's data scope (a customer outside it is "not found"); every change is audited in the same
 * transaction.
 */
@Service
public class CustomerManagement {

    private final CustomerStore store;
    private final CustomerValidator validator;
    private final CustomFieldStore customFields;
    private final ContactStore contacts;
    private final Collaborators with;

    /** The cross-cutting services a customer change needs, grouped to keep the constructor small. */
    @org.springframework.stereotype.Component
    static class Collaborators {
        final UserManagement users;
        final AuditLog audit;
        final ApplicationEventPublisher events;
        final Clock clock;
        final Pools pools;
        /** Looked up once: an ObjectProvider resolves the bean again on every call (3% of an API create). */
        final java.util.function.Supplier<OwnerRouting> routing;

        Collaborators(UserManagement users, AuditLog audit, ApplicationEventPublisher events, Clock clock, Pools pools,
                      org.springframework.beans.factory.ObjectProvider<OwnerRouting> routing) {
            this.routing = org.springframework.util.function.SingletonSupplier.of(routing::getIfAvailable);
            this.pools = pools;
            this.users = users;
            this.audit = audit;
            this.events = events;
            this.clock = clock;
        }
    }

    CustomerManagement(CustomerStore store, CustomerValidator validator, CustomFieldStore customFields, ContactStore contacts,
                       Collaborators with) {
        this.store = store;
        this.validator = validator;
        this.customFields = customFields;
        this.contacts = contacts;
        this.with = with;
    }

    /** Context for validating input on behalf of a user: loaded once, reused for every row of an import. */
    public ValidationContext validationContext(CurrentUser user) {
        return new ValidationContext(with.users.activeUserIds(), with.users.activeUserIdsByEmail(), customFields.all(), user.id());
    }

    /**
     * Creates a customer. Without an owner the assignment rules choose one (rules that apply to
     * customers, see {@link OwnerRouting}); when none applies the creator owns it.
     */
    @Transactional
    public CustomerDetails create(CurrentUser user, CustomerInput input) {
        return write(user, input).details();
    }

    /** A customer just created, and what it was validated to (its normalized keys, for a duplicate look-up). */
    record Written(CustomerDetails details, ValidCustomer valid) {
    }

    /** {@link #create}; call in a transaction. */
    Written write(CurrentUser user, CustomerInput input) {
        user.require("customer", "create");
        var errors = new InvalidInputException.Collector();
        ValidationContext context = validationContext(user);
        ValidCustomer valid = validator.validate(input, context, errors);
        errors.throwIfAny();
        OwnerRouting.Routed routed = input.ownerId() == null ? route(List.of(input)).get(0) : null;
        if (routed != null) {
            valid = valid.withOwner(routed.ownerId());
        }
        // what was just written is what the caller sees: no second read of the row
        Instant now = with.clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = insertValid(user, valid, now);
        if (routed != null) {
            with.audit.record("customer", id, "assign", user.id(), "assigned by rule " + routed.ruleName() + " (#" + routed.ruleId() + ")");
        }
        Map<Long, CustomValue> values = valid.customValues().stream()
                .collect(Collectors.toMap(CustomValue::fieldId, v -> v, (a, b) -> b));
        Map<String, Object> custom = new LinkedHashMap<>();
        for (CustomFieldDef d : context.customFields()) {
            if (d.entityType().equals("customer")) {
                CustomValue v = values.get(d.id());
                custom.put(d.key(), v == null ? null : CustomerQuery.displayValue(d, v));
            }
        }
        String ownerName = with.users.find(valid.ownerId()).map(UserSummary::name).orElse(null);
        return new Written(new CustomerDetails(id, valid.type().key(), valid.name(), valid.phone(), valid.phoneNormalized(), valid.email(),
                valid.creditCode(), valid.province(), valid.city(), valid.district(), valid.street(), valid.industry(),
                valid.source(), CustomerValidator.tagList(valid.tags()), valid.birthday(), valid.status().key(),
                valid.tier().key(), valid.ownerId(), ownerName, valid.externalId(), valid.notes(), custom, 0, now, now, null), valid);
    }

    /**
     * Owners for new customers given without one, by the assignment rules (null where none applies,
     * or when no module routes owners). Call in the transaction that writes them.
     */
    public List<OwnerRouting.Routed> route(List<CustomerInput> inputs) {
        OwnerRouting routing = with.routing.get();
        if (routing == null) {
            return java.util.Collections.nCopies(inputs.size(), null);
        }
        return routing.routeCustomers(inputs.stream()
                .map(in -> new OwnerRouting.Territory(trimmed(in.province()), trimmed(in.city()), trimmed(in.industry()),
                        trimmed(in.source()))).toList());
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Writes an already validated customer with its status history and audit; used by create and import. */
    public long insertValid(CurrentUser user, ValidCustomer valid) {
        return insertValid(user, valid, with.clock.instant());
    }

    private long insertValid(CurrentUser user, ValidCustomer valid, Instant now) {
        long id = store.insert(valid, now);
        store.insertStatusHistory(id, null, valid.status().key(), null, user.id(), now);
        List<AuditLog.Change> changes = new ArrayList<>();
        StoredCustomer.fields(valid).forEach((k, v) -> changes.add(new AuditLog.Change(k, null, v)));
        with.audit.recordChanges("customer", id, "create", user.id(), changes);
        return id;
    }

    /** Replaces every field. {@code expectedVersion} must be the version the user edited. */
    @Transactional
    public CustomerDetails update(CurrentUser user, long id, long expectedVersion, CustomerInput input) {
        user.require("customer", "edit");
        StoredCustomer old = visible(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("customer", old.version());
        }
        if (old.ownerId() == null) {
            // a pool customer gets an owner only by a claim or an assignment, which respect the pool's rules
            throw new InvalidInputException("ownerId", "pool.error.inPool");
        }
        var errors = new InvalidInputException.Collector();
        ValidCustomer valid = validator.validate(input, validationContext(user), errors);
        errors.throwIfAny();
        updateValid(user, old, valid, "update");
        return details(user, id);
    }

    /** Changes only the given (non-null) fields. */
    @Transactional
    public CustomerDetails patch(CurrentUser user, long id, long expectedVersion, CustomerInput changes) {
        StoredCustomer old = visible(user, id);
        Map<String, String> custom = new LinkedHashMap<>(currentCustomValues(id));
        if (changes.customFields() != null) {
            custom.putAll(changes.customFields());
        }
        CustomerInput merged = new CustomerInput(
                or(changes.type(), old.type()), or(changes.name(), old.name()), or(changes.phone(), old.phone()),
                or(changes.email(), old.email()), or(changes.creditCode(), old.creditCode()),
                or(changes.province(), old.province()), or(changes.city(), old.city()), or(changes.district(), old.district()),
                or(changes.street(), old.street()), or(changes.industry(), old.industry()), or(changes.source(), old.source()),
                changes.tags() != null ? changes.tags() : CustomerValidator.tagList(old.tags()),
                changes.birthday() != null ? changes.birthday() : old.birthday(), or(changes.status(), old.status()),
                or(changes.tier(), old.tier()), changes.ownerId() != null ? changes.ownerId() : old.ownerId(),
                or(changes.externalId(), old.externalId()), or(changes.notes(), old.notes()), custom);
        return update(user, id, expectedVersion, merged);
    }

    /** Updates a customer already checked for scope and version; records status history and the audit diff. */
    public void updateValid(CurrentUser user, StoredCustomer old, ValidCustomer valid, String action) {
        updateAllValid(user, List.of(old), List.of(valid), action);
    }

    /**
     * {@link #updateValid} for many customers at once (an import batch): one statement batch per
     * table rather than several statements per customer. A customer changed since it was read fails
     * the whole call.
     */
    public void updateAllValid(CurrentUser user, List<StoredCustomer> old, List<ValidCustomer> valid, String action) {
        Instant now = with.clock.instant();
        store.updateAll(old, valid, now);
        Map<Long, String[]> statusChanges = new LinkedHashMap<>();
        Map<Long, List<AuditLog.Change>> changes = new LinkedHashMap<>();
        for (int i = 0; i < old.size(); i++) {
            StoredCustomer before = old.get(i);
            ValidCustomer after = valid.get(i);
            if (!before.name().equals(after.name())) {
                // contacts carry their company's name in their search text
                contacts.refreshCompanyName(before.id(), before.name(), after.name(), now);
            }
            if (!before.status().equals(after.status().key())) {
                statusChanges.put(before.id(), new String[] {before.status(), after.status().key()});
            }
            Map<String, Object> fields = StoredCustomer.fields(after);
            List<AuditLog.Change> diff = new ArrayList<>();
            before.fields().forEach((k, v) -> diff.add(new AuditLog.Change(k, v, fields.get(k))));
            changes.put(before.id(), diff);
        }
        store.insertStatusChanges(statusChanges, user.id(), now);
        with.audit.recordChanges("customer", changes, action, user.id());
    }

    private Map<String, String> currentCustomValues(long id) {
        Map<Long, CustomValue> values = store.customValues("customer", List.of(id)).getOrDefault(id, Map.of());
        Map<String, String> out = new LinkedHashMap<>();
        for (CustomFieldDef d : customFields.of("customer")) {
            CustomValue v = values.get(d.id());
            if (v != null) {
                Object display = v.display();
                out.put(d.key(), d.type() == CustomFieldDef.FieldType.MULTISELECT
                        ? String.join(",", CustomerValidator.tagList(v.text())) : String.valueOf(display));
            }
        }
        return out;
    }

    @Transactional
    public void changeStatus(CurrentUser user, long id, long expectedVersion, CustomerStatus status, String reason) {
        user.require("customer", "edit");
        StoredCustomer old = changeable(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("customer", old.version());
        }
        if (old.status().equals(status.key())) {
            return;
        }
        Instant now = with.clock.instant();
        store.setStatus(List.of(id), status.key(), now);
        store.insertStatusHistory(id, old.status(), status.key(), reason, user.id(), now);
        with.audit.recordChanges("customer", id, "status", user.id(), List.of(new AuditLog.Change("status", old.status(), status.key())));
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.require("customer", "delete");
        remove(user, changeable(user, id));
    }

    /**
     * Deletes a customer. Its contacts stay as people without a company (nothing about them is
     * lost; their change history says which company they left), and its activities go with it.
     */
    private void remove(CurrentUser user, StoredCustomer c) {
        with.events.publishEvent(new CustomerDeleted(c.id(), user.id()));
        Instant now = with.clock.instant();
        List<dev.rapport.customers.domain.StoredContact> left = contacts.ofCustomer(c.id());
        if (!left.isEmpty()) {
            for (var k : left) {
                with.events.publishEvent(new ContactMoved(k.id(), c.id(), null, user.id()));
                with.audit.recordChanges("contact", k.id(), "update", user.id(), List.of(new AuditLog.Change("customer_id", c.id(), null)));
            }
            contacts.refreshCompanyName(c.id(), c.name(), "", now);
            contacts.detach(c.id(), now);
        }
        store.delete(c.id());
        with.audit.record("customer", c.id(), "delete", user.id(), c.name());
    }

    /** Result of a bulk action: which ids were done and which were refused (not visible). */
    public record BulkResult(List<Long> done, List<Long> notFound) {
    }

    @Transactional
    public BulkResult changeOwner(CurrentUser user, List<Long> ids, long newOwnerId) {
        user.require("customer", "edit");
        if (with.users.find(newOwnerId).filter(UserSummary::active).isEmpty()) {
            throw new InvalidInputException("ownerId", "error.owner.invalid");
        }
        var split = splitVisible(user, ids);
        List<Long> done = split.getKey().stream().map(StoredCustomer::id).toList();
        if (!done.isEmpty()) {
            store.setOwner(done, newOwnerId, with.clock.instant());
            Map<Long, String> old = split.getKey().stream().collect(Collectors.toMap(StoredCustomer::id, c -> Objects.toString(c.ownerId(), "")));
            with.audit.recordBulk("customer", done, "owner", user.id(), "owner_id", old, String.valueOf(newOwnerId));
        }
        return new BulkResult(done, split.getValue());
    }

    @Transactional
    public BulkResult changeStatus(CurrentUser user, List<Long> ids, CustomerStatus status) {
        user.require("customer", "edit");
        var split = splitVisible(user, ids);
        Instant now = with.clock.instant();
        List<Long> done = new ArrayList<>();
        for (StoredCustomer c : split.getKey()) {
            if (!c.status().equals(status.key())) {
                store.insertStatusHistory(c.id(), c.status(), status.key(), null, user.id(), now);
                with.audit.recordChanges("customer", c.id(), "status", user.id(), List.of(new AuditLog.Change("status", c.status(), status.key())));
            }
            done.add(c.id());
        }
        if (!done.isEmpty()) {
            store.setStatus(done, status.key(), now);
        }
        return new BulkResult(done, split.getValue());
    }

    @Transactional
    public BulkResult addTag(CurrentUser user, List<Long> ids, String tag) {
        user.require("customer", "edit");
        if (tag == null || tag.isBlank() || tag.contains(",")) {
            throw new InvalidInputException("tag", "error.tag.invalid");
        }
        var split = splitVisible(user, ids);
        Instant now = with.clock.instant();
        List<Long> done = new ArrayList<>();
        for (StoredCustomer c : split.getKey()) {
            List<String> tags = new ArrayList<>(CustomerValidator.tagList(c.tags()));
            if (!tags.contains(tag.trim())) {
                tags.add(tag.trim());
                String stored = CustomerValidator.tags(tags);
                store.setTags(c.id(), stored, now);
                with.audit.recordChanges("customer", c.id(), "update", user.id(), List.of(new AuditLog.Change("tags", c.tags(), stored)));
            }
            done.add(c.id());
        }
        return new BulkResult(done, split.getValue());
    }

    @Transactional
    public BulkResult delete(CurrentUser user, List<Long> ids) {
        user.require("customer", "delete");
        var split = splitVisible(user, ids);
        for (StoredCustomer c : split.getKey()) {
            remove(user, c);
        }
        return new BulkResult(split.getKey().stream().map(StoredCustomer::id).toList(), split.getValue());
    }

    private Map.Entry<List<StoredCustomer>, List<Long>> splitVisible(CurrentUser user, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("ids", "error.required");
        }
        if (ids.size() > 10_000) {
            throw new InvalidInputException("ids", "error.bulk.tooMany", 10_000);
        }
        OwnerScope scope = with.users.scopeOf(user);
        List<StoredCustomer> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            store.findAll(ids.subList(i, Math.min(ids.size(), i + 1000))).stream()
                    .filter(c -> scope.includes(c.ownerId())).forEach(found::add);
        }
        var foundIds = found.stream().map(StoredCustomer::id).collect(Collectors.toSet());
        List<Long> missing = ids.stream().filter(id -> !foundIds.contains(id)).distinct().toList();
        return Map.entry(found, missing);
    }

    /**
     * The stored customer if the user may see it; otherwise "not found", whether it exists or not.
     * A customer in a public pool is visible to whoever may see the pool.
     */
    public StoredCustomer visible(CurrentUser user, long id) {
        user.require("customer", "view");
        StoredCustomer c = store.find(id).orElseThrow(() -> new NotFoundException("customer", id));
        boolean inVisiblePool = c.ownerId() == null && c.poolId() != null && with.pools.canSee(user, c.poolId());
        if (!inVisiblePool && !with.users.scopeOf(user).includes(c.ownerId())) {
            throw new NotFoundException("customer", id);
        }
        return c;
    }

    /**
     * A visible customer the user may change: seeing a pool lets a rep claim its customers, not
     * change or delete them; only a user whose scope is unrestricted may.
     */
    private StoredCustomer changeable(CurrentUser user, long id) {
        StoredCustomer c = visible(user, id);
        if (!with.users.scopeOf(user).includes(c.ownerId())) {
            throw new NotFoundException("customer", id);
        }
        return c;
    }

    /**
     * Notes that activities were logged on customers (customer id → when the latest happened): the
     * follow-up clock of the pool rules. Called by the activities module, singly and for bulk loads
     * (one JDBC batch); an older time never replaces a newer one. Not a user edit: no version bump.
     */
    public void recordFollowUps(Map<Long, Instant> latestByCustomer) {
        store.recordFollowUps(latestByCustomer);
    }

    /** A visible customer's id, name and owner, for other modules. */
    public CustomerRef ref(CurrentUser user, long id) {
        StoredCustomer c = visible(user, id);
        return new CustomerRef(c.id(), c.name(), c.ownerId());
    }

    public CustomerDetails details(CurrentUser user, long id) {
        StoredCustomer c = visible(user, id);
        Map<Long, CustomValue> values = store.customValues("customer", List.of(id)).getOrDefault(id, Map.of());
        Map<String, Object> custom = new LinkedHashMap<>();
        for (CustomFieldDef d : customFields.of("customer")) {
            CustomValue v = values.get(d.id());
            custom.put(d.key(), v == null ? null : CustomerQuery.displayValue(d, v));
        }
        String ownerName = c.ownerId() == null ? null : with.users.find(c.ownerId()).map(UserSummary::name).orElse(null);
        return new CustomerDetails(c.id(), c.type(), c.name(), c.phone(), c.phoneNormalized(), c.email(), c.creditCode(),
                c.province(), c.city(), c.district(), c.street(), c.industry(), c.source(), CustomerValidator.tagList(c.tags()),
                c.birthday(), c.status(), c.tier(), c.ownerId(), ownerName, c.externalId(), c.notes(), custom, c.version(),
                c.createdAt(), c.updatedAt(), c.poolId());
    }

    /** Input that reproduces a stored customer, e.g. to pre-fill an edit form. */
    public CustomerInput inputOf(CurrentUser user, long id) {
        StoredCustomer c = visible(user, id);
        return new CustomerInput(c.type(), c.name(), c.phone(), c.email(), c.creditCode(), c.province(), c.city(),
                c.district(), c.street(), c.industry(), c.source(), CustomerValidator.tagList(c.tags()), c.birthday(),
                c.status(), c.tier(), c.ownerId(), c.externalId(), c.notes(), currentCustomValues(id));
    }

    /** One change of a customer's status. */
    public record StatusChange(String fromStatus, String toStatus, String reason, Long changedBy, String changedByName,
                               Instant changedAt) {
    }

    public List<StatusChange> statusHistory(CurrentUser user, long id) {
        visible(user, id);
        List<StatusChange> rows = store.statusHistory(id);
        Map<Long, UserSummary> names = with.users.summaries(rows.stream().map(StatusChange::changedBy).filter(Objects::nonNull).toList());
        return rows.stream().map(r -> new StatusChange(r.fromStatus(), r.toStatus(), r.reason(), r.changedBy(),
                r.changedBy() != null && names.containsKey(r.changedBy()) ? names.get(r.changedBy()).name() : null, r.changedAt())).toList();
    }

    CustomerValidator validatorFor() {
        return validator;
    }

    public List<CustomFieldDef> customFields(String entityType) {
        return customFields.of(entityType);
    }

    /**
     * Records that the customer bought on a day (the sales module calls it when an order is
     * confirmed or imported): keeps the latest purchase day (for the public pool's "did not buy
     * within M days" rule; an earlier day never replaces a later one) and moves a potential, target or lost customer to current (现实客户;
     * a lost one is won back), with status history and audit by the system. Unknown ids are ignored.
     */
    @Transactional
    public void recordPurchase(long customerId, java.time.LocalDate date) {
        store.find(customerId).ifPresent(c -> {
            store.recordPurchase(customerId, date);
            CustomerStatus status = CustomerStatus.parse(c.status());
            if (status == CustomerStatus.POTENTIAL || status == CustomerStatus.TARGET || status == CustomerStatus.LOST) {
                Instant now = with.clock.instant();
                store.setStatus(List.of(customerId), CustomerStatus.CURRENT.key(), now);
                store.insertStatusHistory(customerId, c.status(), CustomerStatus.CURRENT.key(), "order " + date, null, now);
                with.audit.recordChanges("customer", customerId, "status", null,
                        List.of(new AuditLog.Change("status", c.status(), CustomerStatus.CURRENT.key())));
            }
        });
    }

    /** Names of customers by id, e.g. for a user's own task list (no scope check: the caller owns the items). */
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            store.findAll(List.copyOf(new java.util.HashSet<>(ids))).forEach(c -> out.put(c.id(), c.name()));
        }
        return out;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
