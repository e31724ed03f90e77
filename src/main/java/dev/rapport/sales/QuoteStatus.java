package dev.rapport.sales;

import java.util.Locale;

/**
 * Where a quote stands. A draft is edited freely; if its discount is above the approval threshold it
 * is submitted and waits for a manager (pending approval → approved or rejected; a rejected quote can
 * be edited again, which makes it a draft). A draft that needs no approval, or an approved quote, is
 * sent to the customer, who accepts or declines it; a sent quote whose valid-until date has passed
 * has expired. Revising a sent or approved quote makes a new version and marks the old one superseded.
 */
public enum QuoteStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, REJECTED, SENT, ACCEPTED, DECLINED, EXPIRED, SUPERSEDED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static QuoteStatus parse(String key) {
        if (key == null) {
            return null;
        }
        for (QuoteStatus s : values()) {
            if (s.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** The lines and header may be changed. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }

    /** A new version may be made from a quote in this state. */
    public boolean revisable() {
        return this == APPROVED || this == SENT || this == DECLINED || this == EXPIRED;
    }
}
