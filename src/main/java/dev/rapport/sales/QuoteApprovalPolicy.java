package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.domain.QuoteTotals;
import dev.rapport.sales.domain.SalesSettingsStore;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a quote needs a manager's approval (审批): when any discount on it is above the threshold an
 * administrator sets (15 % out of the box) — the quote-level discount, a line's discount, or the
 * share of the list value given away by all discounts together. The threshold is stored in the
 * database, so every node applies a change at once.
 */
@Service
public class QuoteApprovalPolicy {

    static final String THRESHOLD = "quote.approval.discount-threshold";
    private static final BigDecimal DEFAULT = BigDecimal.valueOf(15);

    /** The threshold in percent and the version an update must name. */
    public record Threshold(BigDecimal percent, long version) {
    }

    private final SalesSettingsStore settings;
    private final AuditLog audit;

    QuoteApprovalPolicy(SalesSettingsStore settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public Threshold threshold() {
        return settings.get(THRESHOLD).map(s -> new Threshold(new BigDecimal(s.value()), s.version()))
                .orElse(new Threshold(DEFAULT, 0));
    }

    /** Changes the threshold; only administrators who manage roles (and so who may approve) may. */
    @Transactional
    public Threshold changeThreshold(CurrentUser user, long expectedVersion, BigDecimal percent) {
        user.require("role:manage");
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("threshold", "error.percent.range");
        }
        Threshold old = threshold();
        settings.put(THRESHOLD, expectedVersion, percent.stripTrailingZeros().toPlainString());
        audit.recordChanges("sales-setting", 1, "update", user.id(),
                List.of(new AuditLog.Change(THRESHOLD, old.percent().toPlainString(), percent.toPlainString())));
        return threshold();
    }

    /** True when a discount on the quote is above the threshold. */
    public boolean needsApproval(BigDecimal quoteDiscount, List<BigDecimal> lineDiscounts, QuoteTotals.Result totals) {
        BigDecimal limit = threshold().percent();
        if (quoteDiscount != null && quoteDiscount.compareTo(limit) > 0) {
            return true;
        }
        for (BigDecimal d : lineDiscounts) {
            if (d != null && d.compareTo(limit) > 0) {
                return true;
            }
        }
        return totals.effectiveDiscountPercent().compareTo(limit) > 0;
    }
}
