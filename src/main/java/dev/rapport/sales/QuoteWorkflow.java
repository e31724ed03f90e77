package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.QuoteStore;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A quote's way from draft to the customer's answer. Submitting a quote whose discount is above the
 * threshold opens an approval request and waits (pending approval); one below it is approved at
 * once. An approver approves or rejects with a comment. The customer's acceptance or refusal of a
 * sent quote is recorded by its owner; a quote past its valid-until date can no longer be accepted.
 * Sending is in {@link QuoteSending}.
 */
@Service
public class QuoteWorkflow {

    static final String LINK = "/quotes/";

    private final QuoteManagement quotes;
    private final ApprovalManagement approvals;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    QuoteWorkflow(QuoteManagement quotes, ApprovalManagement approvals, AuditLog audit, ApplicationEventPublisher events) {
        this.quotes = quotes;
        this.approvals = approvals;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public QuoteView submit(CurrentUser user, long id, long expectedVersion) {
        user.require("quote", "edit");
        QuoteView q = current(user, id, expectedVersion);
        if (!QuoteStatus.parse(q.status()).editable()) {
            throw new InvalidInputException("status", "error.quote.notSubmittable");
        }
        if (q.lines().isEmpty()) {
            throw new InvalidInputException("lines", "error.quote.noLines");
        }
        QuoteStatus next = q.needsApproval() ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.APPROVED;
        quotes.store().changeStatus(id, q.version(), next.key(), quotes.now());
        if (q.needsApproval()) {
            approvals.request("quote", id, label(q), "discount", q.ownerId(), user.id(), LINK + id);
        }
        audit.recordChanges("quote", id, "update", user.id(), List.of(new AuditLog.Change("status", q.status(), next.key())));
        return quotes.get(user, id);
    }

    /** An approver says yes; the requester is notified. */
    @Transactional
    public QuoteView approve(CurrentUser user, long id, String comment) {
        return decide(user, id, true, comment);
    }

    /** An approver says no, with a reason; the quote can be edited and submitted again. */
    @Transactional
    public QuoteView reject(CurrentUser user, long id, String comment) {
        return decide(user, id, false, comment);
    }

    private QuoteView decide(CurrentUser user, long id, boolean approve, String comment) {
        user.require("quote:approve");
        QuoteStore.Row row = quotes.store().find(id).orElseThrow(() -> new NotFoundException("quote", id));
        if (!approvals.canApprove(user, "quote", row.ownerId())) {
            throw new NotFoundException("quote", id);
        }
        if (!QuoteStatus.PENDING_APPROVAL.key().equals(row.status())) {
            throw new InvalidInputException("status", "error.approval.nonePending");
        }
        approvals.decide(user, "quote", id, approve, comment, LINK + id);
        QuoteStatus next = approve ? QuoteStatus.APPROVED : QuoteStatus.REJECTED;
        quotes.store().changeStatus(id, row.version(), next.key(), quotes.now());
        audit.recordChanges("quote", id, "update", user.id(), List.of(new AuditLog.Change("status", row.status(), next.key())));
        return quotes.unscoped(id);
    }

    /** The customer accepted a sent quote (before its valid-until date); publishes {@link QuoteAccepted}. */
    @Transactional
    public QuoteView accept(CurrentUser user, long id, long expectedVersion) {
        user.require("quote", "edit");
        QuoteView q = current(user, id, expectedVersion);
        requireSent(q);
        if (q.validUntil() != null && q.validUntil().isBefore(quotes.today())) {
            quotes.store().changeStatus(id, q.version(), QuoteStatus.EXPIRED.key(), quotes.now());
            audit.recordChanges("quote", id, "update", user.id(), List.of(new AuditLog.Change("status", q.status(), "expired")));
            return quotes.get(user, id);
        }
        quotes.store().changeStatus(id, q.version(), QuoteStatus.ACCEPTED.key(), quotes.now());
        audit.recordChanges("quote", id, "update", user.id(), List.of(new AuditLog.Change("status", q.status(), "accepted")));
        events.publishEvent(new QuoteAccepted(id, q.number(), q.customerId(), q.ownerId(), q.currency(), q.total()));
        return quotes.get(user, id);
    }

    /** The customer declined a sent quote. */
    @Transactional
    public QuoteView decline(CurrentUser user, long id, long expectedVersion) {
        user.require("quote", "edit");
        QuoteView q = current(user, id, expectedVersion);
        requireSent(q);
        quotes.store().changeStatus(id, q.version(), QuoteStatus.DECLINED.key(), quotes.now());
        audit.recordChanges("quote", id, "update", user.id(), List.of(new AuditLog.Change("status", q.status(), "declined")));
        return quotes.get(user, id);
    }

    /** Whether the user may approve or reject this quote now. */
    public boolean canDecide(CurrentUser user, QuoteView q) {
        return QuoteStatus.PENDING_APPROVAL.key().equals(q.status()) && approvals.canApprove(user, "quote", q.ownerId());
    }

    public List<ApprovalView> approvalsOf(CurrentUser user, long id) {
        quotes.visibleRow(user, id);
        return approvals.ofRecord("quote", id);
    }

    private QuoteView current(CurrentUser user, long id, long expectedVersion) {
        QuoteView q = quotes.get(user, id);
        if (q.version() != expectedVersion) {
            throw new StaleVersionException("quote", q.version());
        }
        return q;
    }

    private static void requireSent(QuoteView q) {
        if (!QuoteStatus.SENT.key().equals(q.status())) {
            throw new InvalidInputException("status", "error.quote.notSent");
        }
    }

    static String label(QuoteView q) {
        return q.number() + " · " + (q.customerName() == null ? "" : q.customerName()) + " · " + q.currency() + " " + q.total().toPlainString();
    }
}
