package dev.rapport.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Permissions are "resource:action" strings. Record types get the record actions; the admin
 * pages have their own.
 */
public final class Permission {

    public static final List<String> RECORD_TYPES = List.of("customer", "contact", "activity", "lead", "opportunity", "product", "quote", "order");
    public static final List<String> RECORD_ACTIONS = List.of("view", "create", "edit", "delete", "import", "export", "merge");
    public static final List<String> ADMIN = List.of("user:manage", "role:manage", "department:manage", "audit:view", "field:manage", "metrics:view",
            "pool:manage", "assignment:manage", "webform:manage", "quote:approve", "pipeline:manage", "target:manage");

    private Permission() {
    }

    public static String of(String recordType, String action) {
        return recordType + ":" + action;
    }

    public static List<String> all() {
        List<String> all = new ArrayList<>();
        for (String type : RECORD_TYPES) {
            for (String action : RECORD_ACTIONS) {
                all.add(of(type, action));
            }
        }
        all.addAll(ADMIN);
        return all;
    }
}
