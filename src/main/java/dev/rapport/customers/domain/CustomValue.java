package dev.rapport.customers.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A parsed custom-field value, in the column its type uses. */
public record CustomValue(long fieldId, String text, BigDecimal number, LocalDate date) {

    public Object display() {
        return number != null ? number.stripTrailingZeros().toPlainString() : date != null ? date : text;
    }
}
