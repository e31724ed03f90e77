package dev.rapport.customers;

import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.ReportingLines;
import dev.rapport.customers.domain.StakeholderStore;
import dev.rapport.customers.domain.StoredContact;
import dev.rapport.customers.domain.StoredStakeholder;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stakeholders and the decision chain (决策链) of an organization: each contact's role, attitude,
 * influence, relationship strength and whom they report to.
 * <p>
 * Rules: a contact reports only to another contact of the same organization, and the reporting
 * lines never form a loop; a user sees and changes only contacts in their data scope of customers
 * in their scope (anything else is "not found"); every change is audited on the contact (action
 * "stakeholder") and is refused when based on an old version.
 * <p>
 * Contexts: {@link #ORGANIZATION} is the organization's own chain. Another module may keep
 * per-record overrides in its own context, named {@code <kind>:<id>} (e.g. {@code opportunity:42}):
 * a contact's row in that context replaces its organization row when that context's chain is read;
 * contacts without one show their organization data. The caller checks the user may see the record
 * the context names, and calls {@link #forgetContext} when that record goes.
 */
@Service
public class Stakeholders {

    public static final String ORGANIZATION = "organization";
    private static final Pattern CONTEXT = Pattern.compile("organization|[a-z][a-z_-]{0,29}:[0-9]{1,18}");
    private static final Comparator<Stakeholder> ORDER = Comparator
            .comparing((Stakeholder s) -> s.role() == null ? 99 : StakeholderRole.parse(s.role()).ordinal())
            .thenComparing(Stakeholder::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Stakeholder::contactId);

    private final StakeholderStore store;
    private final ContactStore contacts;
    private final CustomerManagement customers;
    private final CustomerManagement.Collaborators with;

    Stakeholders(StakeholderStore store, ContactStore contacts, CustomerManagement customers, CustomerManagement.Collaborators with) {
        this.store = store;
        this.contacts = contacts;
        this.customers = customers;
        this.with = with;
    }

    /** The organization's own decision chain; "not found" when the user may not see the customer. */
    public DecisionChain chain(CurrentUser user, long customerId) {
        return chain(user, customerId, ORGANIZATION);
    }

    /** The chain in a context: the organization's rows overlaid with the context's own (see the class comment). */
    public DecisionChain chain(CurrentUser user, long customerId, String context) {
        checkContext(context);
        customers.visible(user, customerId);
        user.require("contact", "view");
        OwnerScope scope = with.users.scopeOf(user);
        List<StoredContact> people = contacts.ofCustomer(customerId).stream().filter(k -> scope.includes(k.ownerId())).toList();
        Map<Long, String> names = new HashMap<>();
        people.forEach(k -> names.put(k.id(), k.name()));
        Map<Long, StoredStakeholder> rows = effectiveRows(customerId, context);
        List<Stakeholder> out = new ArrayList<>(people.size());
        for (StoredContact k : people) {
            StoredStakeholder s = rows.get(k.id());
            if (s == null) {
                out.add(new Stakeholder(k.id(), k.name(), k.title(), false, null, null, null, null, null, null, null, null, 0));
            } else {
                // a line to a contact the user may not see is not shown: the node sits at the top instead
                Long boss = s.reportsToId() != null && names.containsKey(s.reportsToId()) ? s.reportsToId() : null;
                long version = context.equals(s.context()) ? s.version() : 0;
                out.add(new Stakeholder(k.id(), k.name(), k.title(), true, s.role(), s.attitude(), s.influence(), s.strength(),
                        boss, boss == null ? null : names.get(boss), s.notes(), s.context(), version));
            }
        }
        out.sort(ORDER);
        return new DecisionChain(customerId, context, out);
    }

    /** One contact's node in the organization's chain. */
    public Stakeholder of(CurrentUser user, long contactId) {
        StoredContact k = visibleContact(user, contactId);
        return chain(user, k.customerId()).stakeholders().stream().filter(s -> s.contactId() == contactId).findFirst()
                .orElseThrow(() -> new NotFoundException("contact", contactId));
    }

    /** Places a contact in the organization's chain or changes its place there. */
    @Transactional
    public Stakeholder set(CurrentUser user, long contactId, long expectedVersion, StakeholderInput input) {
        return set(user, contactId, ORGANIZATION, expectedVersion, input);
    }

    /**
     * Places a contact in a context's chain. {@code expectedVersion} is the version the user read:
     * 0 for a contact not yet placed in this context.
     */
    @Transactional
    public Stakeholder set(CurrentUser user, long contactId, String context, long expectedVersion, StakeholderInput input) {
        user.require("contact", "edit");
        checkContext(context);
        StoredContact contact = visibleContact(user, contactId);
        long customerId = contact.customerId();
        store.lockOrganization(customerId);
        StoredStakeholder old = store.find(contactId, context).orElse(null);
        long current = old == null ? 0 : old.version();
        if (current != expectedVersion) {
            throw new StaleVersionException("stakeholder", current);
        }
        StoredStakeholder valid = validate(user, contact, context, input);
        var now = with.clock.instant();
        Map<String, Object> after = valid.fields();
        List<AuditLog.Change> changes = new ArrayList<>();
        if (old == null) {
            store.insert(customerId, contactId, context, valid, now);
            after.forEach((f, v) -> changes.add(new AuditLog.Change(f, null, v)));
        } else {
            store.update(old, valid, now);
            old.fields().forEach((f, v) -> changes.add(new AuditLog.Change(f, v, after.get(f))));
        }
        if (!ORGANIZATION.equals(context)) {
            changes.add(new AuditLog.Change("context", null, context));
        }
        with.audit.recordChanges("contact", contactId, "stakeholder", user.id(), changes);
        return chain(user, customerId, context).stakeholders().stream().filter(s -> s.contactId() == contactId).findFirst()
                .orElseThrow();
    }

    /**
     * Takes a contact out of a context's chain (back to "not placed"). Lines of others to the
     * contact stay: they still report to that person, who then shows in the map unplaced.
     */
    @Transactional
    public void remove(CurrentUser user, long contactId, String context, long expectedVersion) {
        user.require("contact", "edit");
        checkContext(context);
        StoredContact contact = visibleContact(user, contactId);
        store.lockOrganization(contact.customerId());
        StoredStakeholder old = store.find(contactId, context).orElse(null);
        long current = old == null ? 0 : old.version();
        if (current != expectedVersion) {
            throw new StaleVersionException("stakeholder", current);
        }
        if (old == null) {
            return;
        }
        store.delete(old.id());
        List<AuditLog.Change> changes = new ArrayList<>();
        old.fields().forEach((f, v) -> changes.add(new AuditLog.Change(f, v, null)));
        if (!ORGANIZATION.equals(context)) {
            changes.add(new AuditLog.Change("context", context, null));
        }
        with.audit.recordChanges("contact", contactId, "stakeholder", user.id(), changes);
    }

    /** Drops a context's rows of an organization (its owner record was deleted); audited on the customer. */
    @Transactional
    public void forgetContext(long customerId, String context, long actorId) {
        checkContext(context);
        if (ORGANIZATION.equals(context)) {
            throw new IllegalArgumentException("the organization's own chain goes with its contacts, not as a context");
        }
        if (store.deleteContext(customerId, context) > 0) {
            with.audit.record("customer", customerId, "stakeholder", actorId, "forgot " + context);
        }
    }

    private StoredStakeholder validate(CurrentUser user, StoredContact contact, String context, StakeholderInput in) {
        var errors = new InvalidInputException.Collector();
        StakeholderRole role = StakeholderRole.parse(in.role());
        if (in.role() == null || in.role().isBlank()) {
            errors.reject("role", "error.required");
        } else if (role == null) {
            errors.reject("role", "error.stakeholder.role");
        }
        Attitude attitude = in.attitude() == null || in.attitude().isBlank() ? Attitude.NEUTRAL : Attitude.parse(in.attitude());
        if (attitude == null) {
            errors.reject("attitude", "error.stakeholder.attitude");
        }
        if (in.influence() != null && (in.influence() < 1 || in.influence() > 5)) {
            errors.reject("influence", "error.stakeholder.scale");
        }
        if (in.strength() != null && (in.strength() < 1 || in.strength() > 5)) {
            errors.reject("strength", "error.stakeholder.scale");
        }
        String notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        if (notes != null && notes.length() > 1000) {
            errors.reject("notes", "error.tooLong", 1000);
        }
        if (in.reportsToId() != null) {
            checkManager(user, contact, context, in.reportsToId(), errors);
        }
        errors.throwIfAny();
        return new StoredStakeholder(0, contact.customerId(), contact.id(), context, role.key(), attitude.key(), in.influence(),
                in.strength(), in.reportsToId(), notes, 0);
    }

    private void checkManager(CurrentUser user, StoredContact contact, String context, long managerId,
                              InvalidInputException.Collector errors) {
        if (managerId == contact.id()) {
            errors.reject("reportsToId", "error.stakeholder.self");
            return;
        }
        StoredContact manager = contacts.find(managerId).orElse(null);
        // a contact out of the user's scope is reported like one of another organization: nothing leaks
        if (manager == null || !Objects.equals(manager.customerId(), contact.customerId())
                || !with.users.scopeOf(user).includes(manager.ownerId())) {
            errors.reject("reportsToId", "error.stakeholder.reportsTo");
            return;
        }
        Map<Long, Long> lines = new HashMap<>();
        effectiveRows(contact.customerId(), context).forEach((k, s) -> lines.put(k, s.reportsToId()));
        if (new ReportingLines(lines).wouldCycle(contact.id(), managerId)) {
            errors.reject("reportsToId", "error.stakeholder.cycle", manager.name());
        }
    }

    /** Per contact, its row in the context, else its organization row. */
    private Map<Long, StoredStakeholder> effectiveRows(long customerId, String context) {
        Map<Long, StoredStakeholder> rows = new LinkedHashMap<>();
        List<StoredStakeholder> all = store.ofCustomer(customerId, ORGANIZATION.equals(context) ? List.of(context)
                : List.of(ORGANIZATION, context));
        all.stream().filter(s -> s.context().equals(ORGANIZATION)).forEach(s -> rows.put(s.contactId(), s));
        all.stream().filter(s -> !s.context().equals(ORGANIZATION)).forEach(s -> rows.put(s.contactId(), s));
        return rows;
    }

    /** A contact the user may see, of an organization the user may see. */
    private StoredContact visibleContact(CurrentUser user, long contactId) {
        user.require("contact", "view");
        StoredContact k = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
        if (!with.users.scopeOf(user).includes(k.ownerId())) {
            throw new NotFoundException("contact", contactId);
        }
        if (k.customerId() == null) {
            throw new InvalidInputException("customerId", "error.stakeholder.noOrganization");
        }
        try {
            customers.visible(user, k.customerId());
        } catch (NotFoundException e) {
            throw new NotFoundException("contact", contactId);
        }
        return k;
    }

    private static void checkContext(String context) {
        if (context == null || !CONTEXT.matcher(context).matches()) {
            throw new IllegalArgumentException("not a decision chain context: " + context);
        }
    }
}
