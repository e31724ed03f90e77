package dev.rapport.customers.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** One row of the stakeholders table: a contact's part in a decision chain (see the migration). */
public record StoredStakeholder(long id, long customerId, long contactId, String context, String role, String attitude,
                                Integer influence, Integer strength, Long reportsToId, String notes, long version) {

    /** The audited fields, as the audit log names them. */
    public Map<String, Object> fields() {
        return fields(role, attitude, influence, strength, reportsToId, notes);
    }

    public static Map<String, Object> fields(String role, String attitude, Integer influence, Integer strength,
                                             Long reportsToId, String notes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("attitude", attitude);
        m.put("influence", influence);
        m.put("strength", strength);
        m.put("reports_to_id", reportsToId);
        m.put("notes", notes);
        return m;
    }
}
