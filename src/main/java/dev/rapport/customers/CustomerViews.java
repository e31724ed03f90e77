package dev.rapport.customers;

import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomFieldStore;
import dev.rapport.customers.domain.SavedViewStore;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved list views and the admin-defined custom fields of customers and contacts. */
@Service
public class CustomerViews {

    /** Standard list columns, in display order. */
    public static final List<String> COLUMNS = List.of("type", "phone", "email", "province", "city", "industry", "source",
            "tags", "status", "tier", "owner", "created", "updated");
    public static final List<String> DEFAULT_COLUMNS = List.of("type", "phone", "email", "status", "tier", "owner", "updated");

    private final SavedViewStore views;
    private final CustomFieldStore fields;
    private final AuditLog audit;
    private final Clock clock;

    CustomerViews(SavedViewStore views, CustomFieldStore fields, AuditLog audit, Clock clock) {
        this.views = views;
        this.fields = fields;
        this.audit = audit;
        this.clock = clock;
    }

    public List<SavedViewStore.SavedView> views(CurrentUser user, String entity) {
        return views.of(user.id(), entity);
    }

    public long saveView(CurrentUser user, String entity, String name, String query, List<String> columns) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "error.required");
        }
        return views.save(user.id(), entity, name.trim(), query == null ? "" : query,
                columns == null ? null : String.join(",", columns), clock.instant());
    }

    public void deleteView(CurrentUser user, long id) {
        if (!views.delete(user.id(), id)) {
            throw new NotFoundException("view", id);
        }
    }

    /** The columns a user may choose: the standard ones and one per custom field ("cf.key"). */
    public List<String> availableColumns() {
        List<String> all = new ArrayList<>(COLUMNS);
        fields.of("customer").forEach(f -> all.add("cf." + f.key()));
        return all;
    }

    public List<CustomFieldDef> fields() {
        return fields.all();
    }

    @Transactional
    public CustomFieldDef addField(CurrentUser user, String entityType, String key, String label, String type, List<String> options) {
        user.require("field:manage");
        var errors = new InvalidInputException.Collector();
        if (!"customer".equals(entityType) && !"contact".equals(entityType)) {
            errors.reject("entityType", "error.value.invalid");
        }
        if (key == null || !key.matches("[a-z][a-z0-9_]{0,49}")) {
            errors.reject("key", "error.field.key");
        } else if (fields.all().stream().anyMatch(f -> f.entityType().equals(entityType) && f.key().equals(key))) {
            errors.reject("key", "error.field.taken");
        }
        if (label == null || label.isBlank()) {
            errors.reject("label", "error.required");
        }
        CustomFieldDef.FieldType ft = null;
        try {
            ft = CustomFieldDef.FieldType.valueOf(type == null ? "" : type.toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.reject("fieldType", "error.value.invalid");
        }
        List<String> opts = options == null ? List.of() : options.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if ((ft == CustomFieldDef.FieldType.SELECT || ft == CustomFieldDef.FieldType.MULTISELECT) && opts.isEmpty()) {
            errors.reject("options", "error.field.options");
        }
        errors.throwIfAny();
        long id = fields.insert(entityType, key, label.trim(), ft, opts);
        audit.recordChanges("custom_field", id, "create", user.id(), List.of(new AuditLog.Change("key", null, entityType + "." + key),
                new AuditLog.Change("type", null, ft)));
        return fields.all().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void deleteField(CurrentUser user, long id) {
        user.require("field:manage");
        CustomFieldDef def = fields.all().stream().filter(f -> f.id() == id).findFirst().orElseThrow(() -> new NotFoundException("field", id));
        fields.delete(id);
        audit.recordChanges("custom_field", id, "delete", user.id(), List.of(new AuditLog.Change("key", def.entityType() + "." + def.key(), null)));
    }
}
