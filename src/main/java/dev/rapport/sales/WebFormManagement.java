package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.domain.WebFormGuard;
import dev.rapport.sales.domain.WebFormStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public web forms (网页表单): admins define them; anyone may post one, which creates a lead after
 * the checks of {@link WebFormGuard} (token, honeypot, rate limit). A bot that fills the honeypot is
 * told "thank you" and nothing is stored.
 */
@Service
public class WebFormManagement {

    public enum Outcome { CREATED, IGNORED, RATE_LIMITED, EXPIRED, INVALID }

    /** What became of a post; {@code errors} for INVALID. */
    public record Submission(Outcome outcome, Long leadId, List<InvalidInputException.FieldError> errors) {
    }

    private final WebFormStore store;
    private final WebFormGuard guard;
    private final LeadManagement leads;
    private final UserManagement users;
    private final AuditLog audit;

    WebFormManagement(WebFormStore store, WebFormGuard guard, LeadManagement leads, UserManagement users, AuditLog audit) {
        this.store = store;
        this.guard = guard;
        this.leads = leads;
        this.users = users;
        this.audit = audit;
    }

    public List<WebForm> list(CurrentUser user) {
        user.require("webform:manage");
        return store.all();
    }

    public WebForm get(CurrentUser user, long id) {
        user.require("webform:manage");
        return store.find(id).orElseThrow(() -> new NotFoundException("webForm", id));
    }

    @Transactional
    public WebForm create(CurrentUser user, WebFormInput in) {
        user.require("webform:manage");
        validate(in);
        try {
            long id = store.insert(in, user.id());
            audit.record("webForm", id, "create", user.id(), in.key());
            return get(user, id);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("key", "error.webform.keyTaken");
        }
    }

    @Transactional
    public WebForm update(CurrentUser user, long id, long expectedVersion, WebFormInput in) {
        WebForm old = get(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("webForm", old.version());
        }
        validate(in);
        try {
            store.update(id, expectedVersion, in);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("key", "error.webform.keyTaken");
        }
        audit.record("webForm", id, "update", user.id(), in.key());
        return get(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        WebForm old = get(user, id);
        store.delete(id);
        audit.record("webForm", id, "delete", user.id(), old.key());
    }

    /** An active form by key, for the public page; nothing for unknown or switched-off forms. */
    public Optional<WebForm> published(String key) {
        return store.byKey(key).filter(WebForm::active);
    }

    public String token(WebForm form) {
        return guard.token(form.id(), form.key());
    }

    /** Handles a post from the public page; {@code values} are the submitted fields by name. */
    public Submission submit(WebForm form, Map<String, String> values, String token, String client) {
        if (!guard.withinRateLimit(form.id(), client)) {
            return new Submission(Outcome.RATE_LIMITED, null, List.of());
        }
        if (WebFormGuard.isBot(values.get(WebFormGuard.HONEYPOT))) {
            return new Submission(Outcome.IGNORED, null, List.of());
        }
        if (form.requireToken() && !guard.validToken(form.id(), form.key(), token)) {
            return new Submission(Outcome.EXPIRED, null, List.of());
        }
        LeadInput input = new LeadInput(shown(form, values, "company"), shown(form, values, "name"), shown(form, values, "title"),
                shown(form, values, "phone"), shown(form, values, "email"), form.defaultSource() == null ? "web form" : form.defaultSource(),
                shown(form, values, "industry"), shown(form, values, "province"), shown(form, values, "city"),
                shown(form, values, "description"), null, null, form.ownerId());
        try {
            long id = leads.createFromWebForm(form.id(), form.key(), input, form.createdBy());
            return new Submission(Outcome.CREATED, id, List.of());
        } catch (InvalidInputException e) {
            return new Submission(Outcome.INVALID, null, e.errors());
        }
    }

    private static String shown(WebForm form, Map<String, String> values, String field) {
        return form.shows(field) ? values.get(field) : null;
    }

    private void validate(WebFormInput in) {
        var errors = new InvalidInputException.Collector();
        if (in.key() == null || !in.key().trim().matches("[a-z0-9][a-z0-9-]{1,59}")) {
            errors.reject("key", "error.webform.key");
        }
        if (in.title() == null || in.title().isBlank()) {
            errors.reject("title", "error.required");
        } else if (in.title().trim().length() > 200) {
            errors.reject("title", "error.tooLong", 200);
        }
        if (in.thankYou() != null && in.thankYou().length() > 2000) {
            errors.reject("thankYou", "error.tooLong", 2000);
        }
        if (in.fields() != null && !WebForm.FIELDS.containsAll(in.fields())) {
            errors.reject("fields", "error.value.invalid");
        }
        if (in.ownerId() != null && users.find(in.ownerId()).filter(UserSummary::active).isEmpty()) {
            errors.reject("ownerId", "error.owner.invalid");
        }
        errors.throwIfAny();
    }
}
