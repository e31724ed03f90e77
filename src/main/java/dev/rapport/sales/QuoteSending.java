package dev.rapport.sales;

import dev.rapport.customers.ContactDetails;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quote as a PDF, and sending it to the customer by e-mail with the PDF attached. Only a quote
 * that is approved, or a draft that needs no approval, can be sent; it is then "sent". The mail goes
 * out before the status is stored: if the mail server refuses it, the quote stays as it was.
 */
@Service
public class QuoteSending {

    /** A rendered PDF and the file name to offer it under. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    private final QuoteManagement quotes;
    private final QuotePdf pdf;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditLog audit;
    private final MailText text;

    QuoteSending(QuoteManagement quotes, QuotePdf pdf, ObjectProvider<JavaMailSender> mail, AuditLog audit, MailText text) {
        this.quotes = quotes;
        this.pdf = pdf;
        this.mail = mail;
        this.audit = audit;
        this.text = text;
    }

    /** The labels and sender of quote mails. */
    @org.springframework.stereotype.Component
    static class MailText {
        final MessageSource messages;
        final String from;

        MailText(MessageSource messages, @Value("${rapport.mail.from:Rapport <noreply@rapport.local>}") String from) {
            this.messages = messages;
            this.from = from;
        }
    }

    public Pdf pdf(CurrentUser user, long id, Locale locale) {
        QuoteView q = quotes.get(user, id);
        Optional<ContactDetails> contact = quotes.parties().contactQuietly(user, q.contactId());
        byte[] bytes = pdf.render(q, contact.map(ContactDetails::name).orElse(null), contact.map(ContactDetails::email).orElse(null), locale);
        return new Pdf(q.number() + ".pdf", bytes);
    }

    /** Sends to {@code to}, or to the quote's contact when blank. */
    @Transactional
    public QuoteView send(CurrentUser user, long id, long expectedVersion, String to, String message, Locale locale) {
        user.require("quote", "edit");
        QuoteView q = quotes.get(user, id);
        if (q.version() != expectedVersion) {
            throw new StaleVersionException("quote", q.version());
        }
        QuoteStatus status = QuoteStatus.parse(q.status());
        boolean sendable = status == QuoteStatus.APPROVED || (status == QuoteStatus.DRAFT && !q.needsApproval() && !q.lines().isEmpty());
        if (!sendable) {
            throw new InvalidInputException("status", q.needsApproval() && status.editable() ? "error.quote.approvalRequired" : "error.quote.notSendable");
        }
        Optional<ContactDetails> contact = quotes.parties().contactQuietly(user, q.contactId());
        String recipient = to == null || to.isBlank() ? contact.map(ContactDetails::email).orElse(null) : to.trim();
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidInputException("to", "error.quote.recipient");
        }
        if (!UserManagement.EMAIL.matcher(recipient).matches() || recipient.length() > 320) {
            throw new InvalidInputException("to", "error.email.invalid");
        }
        if (message != null && message.length() > 4000) {
            throw new InvalidInputException("message", "error.tooLong", 4000);
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new InvalidInputException("to", "error.quote.mailOff");
        }
        byte[] bytes = pdf.render(q, contact.map(ContactDetails::name).orElse(null), contact.map(ContactDetails::email).orElse(null), locale);
        try {
            var mime = sender.createMimeMessage();
            var helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(text.from);
            helper.setTo(recipient);
            helper.setReplyTo(user.email());
            helper.setSubject(text.messages.getMessage("quote.mail.subject", new Object[] {q.number(), q.customerName()}, locale));
            String body = message == null || message.isBlank()
                    ? text.messages.getMessage("quote.mail.body", new Object[] {q.number(), q.currency() + " " + q.total().toPlainString(), user.name()}, locale)
                    : message;
            helper.setText(body, false);
            helper.addAttachment(q.number() + ".pdf", new ByteArrayResource(bytes), "application/pdf");
            sender.send(mime);
        } catch (MessagingException | MailException e) {
            throw new InvalidInputException("to", "error.quote.mailFailed");
        }
        quotes.store().markSent(id, q.version(), recipient, quotes.now());
        audit.recordChanges("quote", id, "update", user.id(), List.of(new AuditLog.Change("status", q.status(), "sent"),
                new AuditLog.Change("sent_to", null, recipient)));
        return quotes.get(user, id);
    }
}
