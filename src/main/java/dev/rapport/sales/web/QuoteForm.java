package dev.rapport.sales.web;

import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.QuoteInput;
import dev.rapport.sales.QuoteLineInput;
import dev.rapport.sales.QuoteLineView;
import dev.rapport.sales.QuoteView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * The quote form as posted: header fields and the line table as parallel columns (one value per row,
 * blank cells kept), so rows added by htmx need no index bookkeeping.
 */
record QuoteForm(String customerId, String contactId, String opportunityId, String priceBookId, String validUntil,
                 String discountPercent, String terms, List<Row> lines, long version) {

    record Row(String productId, String description, String quantity, String unitPrice, String discountPercent, String taxRate) {
    }

    static QuoteForm blank(long customerId, Long priceBookId) {
        return new QuoteForm(String.valueOf(customerId), "", "", priceBookId == null ? "" : priceBookId.toString(), "", "0", "",
                List.of(new Row("", "", "1", "", "0", "13")), 0);
    }

    static QuoteForm of(QuoteView q) {
        List<Row> rows = new ArrayList<>();
        for (QuoteLineView l : q.lines()) {
            rows.add(new Row(l.productId() == null ? "" : l.productId().toString(), l.description(), l.quantity().toPlainString(),
                    l.priceOverridden() || l.productId() == null ? l.unitPrice().toPlainString() : "",
                    l.discountPercent().toPlainString(), l.taxRate().toPlainString()));
        }
        return new QuoteForm(String.valueOf(q.customerId()), str(q.contactId()), str(q.opportunityId()), str(q.priceBookId()),
                q.validUntil() == null ? "" : q.validUntil().toString(), q.discountPercent().toPlainString(),
                q.terms() == null ? "" : q.terms(), rows, q.version());
    }

    static QuoteForm from(MultiValueMap<String, String> p) {
        List<String> products = col(p, "line.productId");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            rows.add(new Row(products.get(i), at(p, "line.description", i), at(p, "line.quantity", i), at(p, "line.unitPrice", i),
                    at(p, "line.discountPercent", i), at(p, "line.taxRate", i)));
        }
        String v = p.getFirst("version");
        return new QuoteForm(p.getFirst("customerId"), p.getFirst("contactId"), p.getFirst("opportunityId"), p.getFirst("priceBookId"),
                p.getFirst("validUntil"), p.getFirst("discountPercent"), p.getFirst("terms"), rows,
                v == null || v.isBlank() ? 0 : Long.parseLong(v.trim()));
    }

    /** The typed input; a cell that is not a number is reported under its column, like any other invalid value. */
    QuoteInput toInput() {
        var errors = new InvalidInputException.Collector();
        List<QuoteLineInput> in = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Row r = lines.get(i);
            boolean empty = blank(r.productId()) && blank(r.description()) && blank(r.unitPrice());
            if (empty) {
                continue;
            }
            String f = "lines[" + i + "]";
            in.add(new QuoteLineInput(id(r.productId(), f + ".productId", errors), blank(r.description()) ? null : r.description(),
                    num(r.quantity(), f + ".quantity", errors), num(r.unitPrice(), f + ".unitPrice", errors),
                    num(r.discountPercent(), f + ".discountPercent", errors), num(r.taxRate(), f + ".taxRate", errors)));
        }
        Long customer = id(customerId, "customerId", errors);
        LocalDate valid = null;
        if (!blank(validUntil)) {
            try {
                valid = LocalDate.parse(validUntil.trim());
            } catch (DateTimeParseException e) {
                errors.reject("validUntil", "error.date.invalid");
            }
        }
        QuoteInput out = new QuoteInput(customer, id(contactId, "contactId", errors), id(opportunityId, "opportunityId", errors),
                id(priceBookId, "priceBookId", errors), valid, num(discountPercent, "discountPercent", errors),
                blank(terms) ? null : terms, null, in);
        errors.throwIfAny();
        return out;
    }

    private static Long id(String s, String field, InvalidInputException.Collector errors) {
        if (blank(s)) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            errors.reject(field, "error.number.invalid");
            return null;
        }
    }

    private static BigDecimal num(String s, String field, InvalidInputException.Collector errors) {
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.reject(field, "error.number.invalid");
            return null;
        }
    }

    private static List<String> col(MultiValueMap<String, String> p, String name) {
        List<String> v = p.get(name);
        return v == null ? List.of() : v;
    }

    private static String at(MultiValueMap<String, String> p, String name, int i) {
        List<String> v = col(p, name);
        return i < v.size() ? v.get(i) : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String str(Long l) {
        return l == null ? "" : l.toString();
    }
}
