package dev.rapport.sales;

import java.util.List;

/**
 * A public web form (网页表单) that creates leads. {@code fields} are the lead fields it shows (name is
 * always shown); {@code requireToken} false lets other sites post their own HTML form to it.
 */
public record WebForm(long id, String key, String title, List<String> fields, String thankYou, String defaultSource,
                      Long ownerId, boolean active, boolean requireToken, long createdBy, long version) {

    /** The lead fields a form may show, in display order. */
    public static final List<String> FIELDS = List.of("name", "company", "title", "phone", "email", "province", "city",
            "industry", "description");

    public boolean shows(String field) {
        return "name".equals(field) || fields.contains(field);
    }
}
