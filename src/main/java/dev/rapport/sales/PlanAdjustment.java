package dev.rapport.sales;

import java.util.Locale;

/**
 * What an edit of a draft contract or draft order does with the draft's own payment plan when the
 * edit no longer fits it (a new amount or total, or for a contract a link to an order that would pay
 * it instead). The plan is never dropped or changed unasked:
 * <ul>
 * <li>{@code KEEP} (the default): the plan stays as it is, so an edit it no longer fits is refused
 * with the plan's sum named;</li>
 * <li>{@code SCALE}: each instalment is scaled to the new amount, due days kept, the last one taking
 * the cents of rounding;</li>
 * <li>{@code DISCARD}: the plan is dropped; activating the contract or confirming the order makes
 * the usual single instalment.</li>
 * </ul>
 */
public enum PlanAdjustment {
    KEEP, SCALE, DISCARD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** KEEP for blank text; null for text that is none of the keys. */
    public static PlanAdjustment parse(String text) {
        if (text == null || text.isBlank()) {
            return KEEP;
        }
        for (PlanAdjustment a : values()) {
            if (a.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }
}
