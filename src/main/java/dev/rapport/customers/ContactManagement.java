package dev.rapport.customers;

import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.ContactValidator;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.CustomerValidator;
import dev.rapport.customers.domain.StoredContact;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.domain.ValidContact;
import dev.rapport.customers.domain.ValidationContext;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts (联系人) of organizations: create, change, delete, within the user's data scope, audited. */
@Service
public class ContactManagement {

    private final ContactStore store;
    private final ContactValidator validator;
    private final CustomerManagement customers;
    private final CustomerStore customerStore;
    private final CustomerManagement.Collaborators with;

    ContactManagement(ContactStore store, ContactValidator validator, CustomerManagement customers, CustomerStore customerStore,
                      CustomerManagement.Collaborators with) {
        this.store = store;
        this.validator = validator;
        this.customers = customers;
        this.customerStore = customerStore;
        this.with = with;
    }

    @Transactional
    public ContactDetails create(CurrentUser user, ContactInput input) {
        user.require("contact", "create");
        var errors = new InvalidInputException.Collector();
        ValidContact valid = validate(user, input, customers.validationContext(user), errors);
        errors.throwIfAny();
        long id = insertValid(user, valid);
        return details(user, id);
    }

    /** Validates input, including that the company is visible to the user and is an organization. */
    public ValidContact validate(CurrentUser user, ContactInput input, ValidationContext ctx, InvalidInputException.Collector errors) {
        StoredCustomer company = null;
        if (input.customerId() != null) {
            try {
                company = customers.visible(user, input.customerId());
            } catch (NotFoundException e) {
                // left null: reported as an unknown company below
            }
        }
        return validate(input, company, ctx, errors);
    }

    /**
     * Validates input whose company the caller has already looked up among the customers the user
     * may see ({@code company} is null when it does not exist or is out of scope), so a bulk
     * caller can look up a whole batch's companies at once.
     */
    public ValidContact validate(ContactInput input, StoredCustomer company, ValidationContext ctx,
                                 InvalidInputException.Collector errors) {
        if (input.customerId() != null && (company == null || company.id() != input.customerId())) {
            errors.reject("customerId", "error.customer.unknown");
            company = null;
        } else if (company != null && !CustomerType.ORGANIZATION.key().equals(company.type())) {
            errors.reject("customerId", "error.contact.notOrganization");
        }
        return validator.validate(input, company == null ? null : company.name(), company == null ? null : company.ownerId(),
                ctx, errors);
    }

    public long insertValid(CurrentUser user, ValidContact valid) {
        long id = store.insertAll(List.of(valid), with.clock.instant()).get(0);
        List<AuditLog.Change> changes = new ArrayList<>();
        valid.fields().forEach((k, v) -> changes.add(new AuditLog.Change(k, null, v)));
        with.audit.recordChanges("contact", id, "create", user.id(), changes);
        return id;
    }

    @Transactional
    public ContactDetails update(CurrentUser user, long id, long expectedVersion, ContactInput input) {
        user.require("contact", "edit");
        StoredContact old = visible(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("contact", old.version());
        }
        var errors = new InvalidInputException.Collector();
        ValidContact valid = validate(user, input, customers.validationContext(user), errors);
        errors.throwIfAny();
        updateValid(user, old, valid);
        return details(user, id);
    }

    public void updateValid(CurrentUser user, StoredContact old, ValidContact valid) {
        updateAllValid(user, List.of(old), List.of(valid));
    }

    /** {@link #updateValid} for many contacts at once (an import batch); a contact changed since it was read fails the call. */
    public void updateAllValid(CurrentUser user, List<StoredContact> old, List<ValidContact> valid) {
        store.updateAll(old, valid, with.clock.instant());
        for (int i = 0; i < old.size(); i++) {
            if (!java.util.Objects.equals(old.get(i).customerId(), valid.get(i).customerId())) {
                with.events.publishEvent(new ContactMoved(old.get(i).id(), old.get(i).customerId(), valid.get(i).customerId(), user.id()));
            }
        }
        Map<Long, List<AuditLog.Change>> changes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < old.size(); i++) {
            Map<String, Object> after = valid.get(i).fields();
            List<AuditLog.Change> diff = new ArrayList<>();
            old.get(i).fields().forEach((k, v) -> diff.add(new AuditLog.Change(k, v, after.get(k))));
            changes.put(old.get(i).id(), diff);
        }
        with.audit.recordChanges("contact", changes, "update", user.id());
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.require("contact", "delete");
        StoredContact old = visible(user, id);
        with.events.publishEvent(new ContactDeleted(id, old.customerId(), user.id()));
        store.delete(id);
        with.audit.record("contact", id, "delete", user.id(), old.name());
    }

    public StoredContact visible(CurrentUser user, long id) {
        user.require("contact", "view");
        StoredContact k = store.find(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (!with.users.scopeOf(user).includes(k.ownerId())) {
            throw new NotFoundException("contact", id);
        }
        return k;
    }

    public ContactDetails details(CurrentUser user, long id) {
        return toDetails(visible(user, id));
    }

    /** Contacts of a visible customer that the user may also see. */
    public List<ContactDetails> ofCustomer(CurrentUser user, long customerId) {
        customers.visible(user, customerId);
        if (!user.can("contact", "view")) {
            return List.of();
        }
        var scope = with.users.scopeOf(user);
        return store.ofCustomer(customerId).stream().filter(k -> scope.includes(k.ownerId())).map(this::toDetails).toList();
    }

    public ContactInput inputOf(CurrentUser user, long id) {
        StoredContact k = visible(user, id);
        Map<String, String> custom = new LinkedHashMap<>();
        toDetails(k).customFields().forEach((key, v) -> {
            if (v != null) {
                custom.put(key, v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v));
            }
        });
        return new ContactInput(k.customerId(), k.name(), k.title(), k.phone(), k.email(), k.birthday(), k.ownerId(),
                k.externalId(), k.notes(), custom);
    }

    private ContactDetails toDetails(StoredContact k) {
        Map<Long, CustomValue> values = customerStore.customValues("contact", List.of(k.id())).getOrDefault(k.id(), Map.of());
        Map<String, Object> custom = new LinkedHashMap<>();
        for (CustomFieldDef d : customers.customFields("contact")) {
            CustomValue v = values.get(d.id());
            custom.put(d.key(), v == null ? null : CustomerQuery.displayValue(d, v));
        }
        String owner = with.users.find(k.ownerId()).map(UserSummary::name).orElse(null);
        return new ContactDetails(k.id(), k.customerId(), k.customerName(), k.name(), k.title(), k.phone(), k.phoneNormalized(),
                k.email(), k.birthday(), k.ownerId(), owner, k.externalId(), k.notes(), custom, k.version(), k.createdAt(),
                k.updatedAt());
    }
}
