package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.UserManagement;
import dev.rapport.sales.domain.CreditTermsStore;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** The cross-cutting services orders, contracts and payments need, grouped to keep constructors small. */
@Component
class OrderCollaborators {
    final UserManagement users;
    final AuditLog audit;
    final Clock clock;
    final CreditPolicy policy;
    final CreditTermsStore terms;

    OrderCollaborators(UserManagement users, AuditLog audit, Clock clock, CreditPolicy policy, CreditTermsStore terms) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
        this.terms = terms;
    }

    /** Today in the company's reckoning: due dates are calendar days, compared in UTC. */
    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    int termDays(long customerId) {
        return terms.find(customerId).map(CreditTerms::paymentTermDays).orElse(policy.defaultTermDays());
    }
}
