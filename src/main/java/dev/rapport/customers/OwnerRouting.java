package dev.rapport.customers;

import java.util.List;

/**
 * Chooses owners for new customers that were created without one (the create form or API left the
 * owner to routing, or an import row named none). Customers sit below sales, so the module that
 * keeps the assignment rules (sales) implements this and customers asks it when such a bean exists;
 * without one, or when no rule applies, the creating user owns the customer.
 */
public interface OwnerRouting {

    /** What a rule looks at in a new customer: its territory. */
    record Territory(String province, String city, String industry, String source) {
    }

    /** The owner a rule chose, and the rule, for the audit. */
    record Routed(long ownerId, long ruleId, String ruleName) {
    }

    /**
     * Routes new customers, one answer per territory in the same order (null where no rule applies).
     * Call inside the transaction that writes them: round-robin turns are taken there.
     */
    List<Routed> routeCustomers(List<Territory> customers);
}
