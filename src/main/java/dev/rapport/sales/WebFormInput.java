package dev.rapport.sales;

import java.util.List;

/** What an admin gives for a web form. */
public record WebFormInput(String key, String title, List<String> fields, String thankYou, String defaultSource, Long ownerId,
                           Boolean active, Boolean requireToken) {
}
