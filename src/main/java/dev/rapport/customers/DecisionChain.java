package dev.rapport.customers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The decision chain (决策链) of an organization as the user may see it: every visible contact,
 * placed or not, with the reporting lines between them. The lines form a forest (no loops).
 */
public record DecisionChain(long customerId, String context, List<Stakeholder> stakeholders) {

    /** Contacts at the top of the map: in the chain (placed, or someone reports to them) and reporting to nobody visible. */
    public List<Stakeholder> roots() {
        Set<Long> managers = managers();
        return stakeholders.stream().filter(s -> s.reportsToId() == null && (s.assigned() || managers.contains(s.contactId()))).toList();
    }

    public List<Stakeholder> childrenOf(long contactId) {
        return stakeholders.stream().filter(s -> s.reportsToId() != null && s.reportsToId() == contactId).toList();
    }

    /** Contacts not yet in the chain: not placed and nobody reports to them. */
    public List<Stakeholder> unassigned() {
        Set<Long> managers = managers();
        return stakeholders.stream().filter(s -> !s.assigned() && !managers.contains(s.contactId())).toList();
    }

    public List<Stakeholder> assigned() {
        return stakeholders.stream().filter(Stakeholder::assigned).toList();
    }

    private Set<Long> managers() {
        Set<Long> out = new HashSet<>();
        stakeholders.forEach(s -> {
            if (s.reportsToId() != null) {
                out.add(s.reportsToId());
            }
        });
        return out;
    }
}
