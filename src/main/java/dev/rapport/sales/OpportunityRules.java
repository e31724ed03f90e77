package dev.rapport.sales;

import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.CustomerRef;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.sales.domain.OpportunityStore.Fields;
import dev.rapport.sales.domain.PipelineStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks an opportunity's input against the customers, contacts, users and pipelines it refers
 * to, before anything is written, and adds the names other modules own to read rows.
 */
@Component
class OpportunityRules {

    static final String DEFAULT_CURRENCY = "CNY";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    private final CustomerManagement customers;
    private final ContactManagement contacts;
    private final UserManagement users;
    private final PipelineStore pipelines;
    private final Clock clock;

    OpportunityRules(CustomerManagement customers, ContactManagement contacts, UserManagement users, PipelineStore pipelines,
                     Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.contacts = contacts;
        this.users = users;
        this.pipelines = pipelines;
    }

    /** The validated fields; throws with one translated message per bad field. */
    Fields validate(CurrentUser user, OpportunityInput in, OpportunityDetails current) {
        Long currentOwner = current == null ? null : current.ownerId();
        var errors = new InvalidInputException.Collector();
        String name = in.name() == null ? "" : in.name().trim();
        if (name.isEmpty()) {
            errors.reject("name", "error.required");
        } else if (name.length() > 200) {
            errors.reject("name", "error.tooLong", 200);
        }
        CustomerRef customer = null;
        if (in.customerId() == null) {
            errors.reject("customerId", "error.required");
        } else {
            try {
                customer = customers.ref(user, in.customerId());
            } catch (NotFoundException e) {
                errors.reject("customerId", "error.opportunity.customer");
            }
        }
        if (in.contactId() != null && customer != null) {
            try {
                Long of = contacts.details(user, in.contactId()).customerId();
                if (of == null || of != customer.id()) {
                    errors.reject("contactId", "error.opportunity.contact");
                }
            } catch (NotFoundException e) {
                errors.reject("contactId", "error.opportunity.contact");
            }
        }
        Pipeline pipeline = null;
        Stage stage = null;
        if (current != null) {
            // stage and pipeline change only through a stage move, which keeps the history and the won/lost rules
            boolean otherPipeline = in.pipelineId() != null && in.pipelineId() != current.pipelineId();
            boolean otherStage = in.stageId() != null && in.stageId() != current.stageId();
            if (otherPipeline || otherStage) {
                errors.reject("stageId", "error.opportunity.useMove");
            }
        } else {
            pipeline = in.pipelineId() == null ? pipelines.defaultId().flatMap(pipelines::find).orElse(null)
                    : pipelines.find(in.pipelineId()).orElse(null);
            if (pipeline == null) {
                errors.reject("pipelineId", "error.opportunity.pipeline");
            } else {
                stage = in.stageId() == null ? pipeline.firstOpenStage() : pipeline.stage(in.stageId());
                if (stage == null) {
                    errors.reject("stageId", "error.opportunity.stage");
                }
            }
        }
        BigDecimal amount = in.amount() == null ? BigDecimal.ZERO : in.amount();
        if (amount.signum() < 0 || amount.abs().compareTo(MAX_AMOUNT) > 0) {
            errors.reject("amount", "error.opportunity.amount");
        } else if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            errors.reject("amount", "error.opportunity.amountScale");
        }
        String currency = in.currency() == null || in.currency().isBlank() ? DEFAULT_CURRENCY : in.currency().trim().toUpperCase(java.util.Locale.ROOT);
        if (!isCurrency(currency)) {
            errors.reject("currency", "error.opportunity.currency");
        }
        if (in.competitors() != null && in.competitors().length() > 1000) {
            errors.reject("competitors", "error.tooLong", 1000);
        }
        long owner = in.ownerId() != null ? in.ownerId() : currentOwner != null ? currentOwner : user.id();
        boolean ownerChanged = currentOwner == null || owner != currentOwner;
        if (ownerChanged && (users.find(owner).filter(UserSummary::active).isEmpty() || !users.scopeOf(user).includes(owner))) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        errors.throwIfAny();
        return new Fields(name, customer.id(), in.contactId(), current != null ? current.pipelineId() : pipeline.id(),
                current != null ? current.stageId() : stage.id(),
                amount.setScale(2, java.math.RoundingMode.UNNECESSARY), currency, in.expectedCloseDate(), owner,
                blankToNull(in.competitors()));
    }

    Pipeline pipelineOf(long id) {
        return pipelines.find(id).orElseThrow(() -> new NotFoundException("pipeline", id));
    }

    /** Adds customer and owner names to rows the user may see. */
    List<OpportunityDetails> named(List<OpportunityDetails> rows) {
        Map<Long, String> customerNames = customers.names(rows.stream().map(OpportunityDetails::customerId).toList());
        Map<Long, UserSummary> owners = users.summaries(rows.stream().map(OpportunityDetails::ownerId).collect(Collectors.toSet()));
        return rows.stream().map(o -> o.named(customerNames.get(o.customerId()),
                owners.containsKey(o.ownerId()) ? owners.get(o.ownerId()).name() : null)).toList();
    }

    boolean visible(CurrentUser user, long ownerId) {
        return users.scopeOf(user).includes(ownerId);
    }

    Stage stage(long stageId) {
        return pipelines.stage(stageId).orElseThrow(() -> new NotFoundException("stage", stageId));
    }

    Instant now() {
        return clock.instant();
    }

    /** Names of users by id (stage history shows who moved a card). */
    Map<Long, String> userNames(java.util.Collection<Long> ids) {
        return users.summaries(ids).values().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::name));
    }

    /** Throws "not found" unless the user may see the customer. */
    void requireCustomer(CurrentUser user, long customerId) {
        customers.ref(user, customerId);
    }

    dev.rapport.identity.OwnerScope scope(CurrentUser user) {
        return users.scopeOf(user);
    }

    static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
