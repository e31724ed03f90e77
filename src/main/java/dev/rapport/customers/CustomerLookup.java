package dev.rapport.customers;

import dev.rapport.customers.domain.CustomerStore;
import dev.rapport.customers.domain.Normalizer;
import dev.rapport.customers.query.CustomerQuery;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.PhoneNumbers;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Finds customers by a key written in another system's file (external id, credit code, phone or
 * e-mail), normalized the way stored values are, among the customers the user may see. For other
 * modules' imports (order history): one query per batch of values. Also searches customers by a
 * typed term for other modules' customer pickers.
 */
@Service
public class CustomerLookup {

    /** What a row identifies its customer by. */
    public enum Key {
        EXTERNAL_ID("external_id"), CREDIT_CODE("credit_code"), PHONE("phone_normalized"), EMAIL("email_normalized");

        private final String column;

        Key(String column) {
            this.column = column;
        }
    }

    /** The id stored for a value that matches more than one visible customer. */
    public static final long AMBIGUOUS = -1;

    private final CustomerStore store;
    private final PhoneNumbers phones;
    private final UserManagement users;
    private final CustomerQuery query;

    CustomerLookup(CustomerStore store, PhoneNumbers phones, UserManagement users, CustomerQuery query) {
        this.store = store;
        this.phones = phones;
        this.users = users;
        this.query = query;
    }

    /**
     * Customers the user may see matching a search term as the search box does (name, pinyin,
     * initials, phone, e-mail), newest first: for pickers in other modules' forms.
     */
    public List<CustomerRef> search(CurrentUser user, String q, int limit) {
        user.require("customer", "view");
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return query.list(CustomerFilter.from(Map.of("q", q.trim())), users.scopeOf(user), null, Math.max(1, Math.min(limit, 50)))
                .items().stream().map(r -> new CustomerRef(r.id(), r.name(), r.ownerId())).toList();
    }

    /**
     * Customer ids by the values as written (keys of the answer are the values given); values
     * that match no visible customer are absent, those matching several map to {@link #AMBIGUOUS}.
     */
    public Map<String, Long> idsBy(CurrentUser user, Key key, Collection<String> values) {
        user.require("customer", "view");
        OwnerScope scope = users.scopeOf(user);
        Map<String, String> normalized = new LinkedHashMap<>();
        for (String v : values) {
            String n = v == null ? null : normalize(key, v.trim());
            if (n != null && !n.isEmpty()) {
                normalized.put(v, n);
            }
        }
        Map<String, Long> byNormalized = new HashMap<>();
        if (!normalized.isEmpty()) {
            for (Object[] row : store.idsBy(key.column, normalized.values())) {
                if (scope.includes((Long) row[2])) {
                    byNormalized.merge((String) row[0], (Long) row[1], (a, b) -> AMBIGUOUS);
                }
            }
        }
        Map<String, Long> out = new HashMap<>();
        normalized.forEach((raw, n) -> {
            if (byNormalized.containsKey(n)) {
                out.put(raw, byNormalized.get(n));
            }
        });
        return out;
    }

    private String normalize(Key key, String value) {
        return switch (key) {
            case PHONE -> phones.normalize(value).orElse(null);
            case EMAIL -> Normalizer.email(value);
            case CREDIT_CODE -> value.toUpperCase();
            case EXTERNAL_ID -> value;
        };
    }

    /** How many customers each of the users owns, for balancing new customers among them. */
    public Map<Long, Long> ownedCounts(Collection<Long> ownerIds) {
        return ownerIds.isEmpty() ? Map.of() : store.ownedCounts(ownerIds);
    }
}
