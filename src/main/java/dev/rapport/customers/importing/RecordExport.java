package dev.rapport.customers.importing;

import dev.rapport.customers.CustomerFilter;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerRow;
import dev.rapport.customers.domain.ContactStore;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.customers.domain.CustomValue;
import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.StoredContact;
import dev.rapport.customers.domain.StoredCustomer;
import dev.rapport.customers.query.ContactQuery;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Exports customers or contacts within the user's data scope as CSV or xlsx, streamed a thousand
 * rows at a time. The headers are the ones the import maps back to the same fields, so an export
 * can be edited and imported again (rows carry their rapportId, so they update, never duplicate).
 */
@Service
public class RecordExport {

    /** Customer columns in export order; custom fields follow as cf.&lt;key&gt;. */
    public static final List<String> CUSTOMER_COLUMNS = List.of("rapportId", "customerType", "name", "phone", "email",
            "creditCode", "province", "city", "district", "street", "industry", "source", "tags", "birthday", "status", "tier",
            "owner", "externalId", "notes");
    /** Contact columns in export order; custom fields follow as cf.&lt;key&gt;. */
    public static final List<String> CONTACT_COLUMNS = List.of("rapportId", "name", "customerId", "company", "title", "phone",
            "email", "birthday", "owner", "externalId", "notes");

    private final CustomerQuery customerQuery;
    private final ContactQuery contactQuery;
    private final CustomerStore customerStore;
    private final ContactStore contactStore;
    private final Support with;

    /** Users, custom fields and the audit, grouped to keep the constructor small. */
    @org.springframework.stereotype.Component
    static class Support {
        final UserManagement users;
        final CustomerManagement customers;
        final AuditLog audit;

        Support(UserManagement users, CustomerManagement customers, AuditLog audit) {
            this.users = users;
            this.customers = customers;
            this.audit = audit;
        }
    }

    RecordExport(CustomerQuery customerQuery, ContactQuery contactQuery, CustomerStore customerStore, ContactStore contactStore,
                 Support with) {
        this.customerQuery = customerQuery;
        this.contactQuery = contactQuery;
        this.customerStore = customerStore;
        this.contactStore = contactStore;
        this.with = with;
    }

    /** Checks permission, format and columns before anything is written, so errors can still be problem details. */
    public List<String> prepare(CurrentUser user, String entity, String format, List<String> cols) {
        user.require(entity, "export");
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new InvalidInputException("format", "error.export.format");
        }
        List<String> all = new ArrayList<>("customer".equals(entity) ? CUSTOMER_COLUMNS : CONTACT_COLUMNS);
        with.customers.customFields(entity).forEach(d -> all.add("cf." + d.key()));
        if (cols == null || cols.isEmpty()) {
            return all;
        }
        for (String c : cols) {
            if (!all.contains(c)) {
                throw new InvalidInputException("cols", "error.export.column", c);
            }
        }
        return List.copyOf(cols);
    }

    public void customers(CurrentUser user, CustomerFilter filter, String format, List<String> columns, OutputStream out) {
        List<CustomFieldDef> defs = with.customers.customFields("customer");
        Map<Long, String> owners = ownerEmails();
        long[] count = {0};
        try (TableWriter table = TableWriter.of(format, out)) {
            table.row(columns);
            List<Long> ids = new ArrayList<>(1000);
            customerQuery.forEach(filter, with.users.scopeOf(user), (CustomerRow r) -> {
                ids.add(r.id());
                if (ids.size() == 1000) {
                    try {
                        count[0] += writeCustomers(table, ids, columns, defs, owners);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    ids.clear();
                }
            });
            count[0] += writeCustomers(table, ids, columns, defs, owners);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        with.audit.record("customer", 0, "export", user.id(), format + ", " + count[0] + " rows");
    }

    public void contacts(CurrentUser user, String q, Long customerId, Long ownerId, Map<String, String> custom, String format,
                         List<String> columns, OutputStream out) {
        List<CustomFieldDef> defs = with.customers.customFields("contact");
        Map<Long, String> owners = ownerEmails();
        long count = 0;
        try (TableWriter table = TableWriter.of(format, out)) {
            table.row(columns);
            String cursor = null;
            do {
                CursorPage<ContactQuery.ContactRow> page = contactQuery.list(q, customerId, ownerId, custom,
                        with.users.scopeOf(user), cursor, 1000);
                List<Long> ids = page.items().stream().map(ContactQuery.ContactRow::id).toList();
                Map<Long, StoredContact> stored = contactStore.findAll(ids).stream()
                        .collect(Collectors.toMap(StoredContact::id, Function.identity()));
                Map<Long, Map<Long, CustomValue>> values = customerStore.customValues("contact", ids);
                for (Long id : ids) {
                    StoredContact k = stored.get(id);
                    if (k != null) {
                        table.row(contactRow(k, columns, StoredValues.asText(values.getOrDefault(id, Map.of()), defs), owners));
                        count++;
                    }
                }
                cursor = page.next();
            } while (cursor != null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        with.audit.record("contact", 0, "export", user.id(), format + ", " + count + " rows");
    }

    private int writeCustomers(TableWriter table, List<Long> ids, List<String> columns, List<CustomFieldDef> defs,
                               Map<Long, String> owners) throws IOException {
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Long, Map<Long, CustomValue>> values = customerStore.customValues("customer", ids);
        for (StoredCustomer c : customerStore.findAll(ids)) {
            table.row(customerRow(c, columns, StoredValues.asText(values.getOrDefault(c.id(), Map.of()), defs), owners));
        }
        return ids.size();
    }

    private static List<Object> customerRow(StoredCustomer c, List<String> columns, Map<String, String> custom, Map<Long, String> owners) {
        List<Object> row = new ArrayList<>(columns.size());
        for (String col : columns) {
            row.add(switch (col) {
                case "rapportId" -> c.id();
                case "customerType" -> c.type();
                case "name" -> c.name();
                case "phone" -> c.phone();
                case "email" -> c.email();
                case "creditCode" -> c.creditCode();
                case "province" -> c.province();
                case "city" -> c.city();
                case "district" -> c.district();
                case "street" -> c.street();
                case "industry" -> c.industry();
                case "source" -> c.source();
                case "tags" -> String.join(",", dev.rapport.customers.domain.CustomerValidator.tagList(c.tags()));
                case "birthday" -> c.birthday();
                case "status" -> c.status();
                case "tier" -> c.tier();
                case "owner" -> owners.get(c.ownerId());
                case "externalId" -> c.externalId();
                case "notes" -> c.notes();
                default -> custom.get(col.substring(3));
            });
        }
        return row;
    }

    private static List<Object> contactRow(StoredContact k, List<String> columns, Map<String, String> custom, Map<Long, String> owners) {
        List<Object> row = new ArrayList<>(columns.size());
        for (String col : columns) {
            row.add(switch (col) {
                case "rapportId" -> k.id();
                case "name" -> k.name();
                case "customerId" -> k.customerId();
                case "company" -> k.customerName();
                case "title" -> k.title();
                case "phone" -> k.phone();
                case "email" -> k.email();
                case "birthday" -> k.birthday();
                case "owner" -> owners.get(k.ownerId());
                case "externalId" -> k.externalId();
                case "notes" -> k.notes();
                default -> custom.get(col.substring(3));
            });
        }
        return row;
    }

    private Map<Long, String> ownerEmails() {
        return with.users.all().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::email));
    }
}
