package dev.rapport.sales;

import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.OwnerScope;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.platform.TimeZones;
import dev.rapport.sales.domain.TargetStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales targets (销售目标) for reps and departments, and their attainment. Setting one needs
 * {@code target:manage}; a user sees the targets of the users in their data scope and of the
 * departments whose people are all in it.
 */
@Service
public class TargetManagement {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TargetStore store;
    private final UserManagement users;
    private final AuditLog audit;
    private final TimeZones zones;

    TargetManagement(TargetStore store, UserManagement users, AuditLog audit, TimeZones zones) {
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.zones = zones;
    }

    /** Visible targets whose period starts in [from, to), filtered by period type and subject; at most 500. */
    @Transactional(readOnly = true)
    public List<TargetView> list(CurrentUser user, LocalDate from, LocalDate to, String periodType, String subjectType, Long subjectId) {
        OwnerScope scope = users.scopeOf(user);
        return store.list(from, to, blankToNull(periodType), blankToNull(subjectType), subjectId, 500).stream()
                .filter(r -> visible(scope, r.subjectType(), r.subjectId())).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public TargetView get(CurrentUser user, long id) {
        return view(visibleRow(user, id));
    }

    @Transactional
    public TargetView create(CurrentUser user, TargetInput in) {
        user.require("target:manage");
        TargetStore.Row row = validate(user, in, null);
        try {
            long id = store.insert(row, user.id());
            audit.recordChanges("target", id, "create", user.id(), List.of(
                    new AuditLog.Change("subject", null, row.subjectType() + ":" + row.subjectId()),
                    new AuditLog.Change("period", null, row.periodType() + ":" + row.periodStart()),
                    new AuditLog.Change("amount", null, row.amount() + " " + row.currency()),
                    new AuditLog.Change("won_count", null, row.wonCount())));
            return get(user, id);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("periodStart", "error.target.duplicate");
        }
    }

    @Transactional
    public TargetView update(CurrentUser user, long id, long expectedVersion, TargetInput in) {
        user.require("target:manage");
        TargetStore.Row old = visibleRow(user, id);
        if (old.version() != expectedVersion) {
            throw new StaleVersionException("target", old.version());
        }
        TargetStore.Row row = validate(user, in, id);
        try {
            if (!store.update(row, expectedVersion)) {
                throw new StaleVersionException("target", store.find(id).map(TargetStore.Row::version).orElse(expectedVersion));
            }
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("periodStart", "error.target.duplicate");
        }
        List<AuditLog.Change> changes = new ArrayList<>();
        if (old.amount().compareTo(row.amount()) != 0 || !old.currency().equals(row.currency())) {
            changes.add(new AuditLog.Change("amount", old.amount() + " " + old.currency(), row.amount() + " " + row.currency()));
        }
        if (old.wonCount() != row.wonCount()) {
            changes.add(new AuditLog.Change("won_count", old.wonCount(), row.wonCount()));
        }
        if (!old.periodType().equals(row.periodType()) || !old.periodStart().equals(row.periodStart())) {
            changes.add(new AuditLog.Change("period", old.periodType() + ":" + old.periodStart(), row.periodType() + ":" + row.periodStart()));
        }
        if (!old.subjectType().equals(row.subjectType()) || old.subjectId() != row.subjectId()) {
            changes.add(new AuditLog.Change("subject", old.subjectType() + ":" + old.subjectId(), row.subjectType() + ":" + row.subjectId()));
        }
        audit.recordChanges("target", id, "update", user.id(), changes);
        return get(user, id);
    }

    @Transactional
    public void delete(CurrentUser user, long id) {
        user.require("target:manage");
        TargetStore.Row old = visibleRow(user, id);
        store.delete(id);
        audit.record("target", id, "delete", user.id(), old.subjectType() + ":" + old.subjectId() + " " + old.periodStart());
    }

    /** Won deals closed in the period (company time zone) by the rep or anyone in the department's subtree. */
    @Transactional(readOnly = true)
    public TargetAttainment attainment(CurrentUser user, long id) {
        TargetView t = get(user, id);
        Set<Long> owners = "user".equals(t.subjectType()) ? Set.of(t.subjectId()) : users.usersInDepartments(List.of(t.subjectId()));
        ZoneId zone = zones.defaultZone();
        TargetStore.Won won = store.won(owners, t.periodStart().atStartOfDay(zone).toInstant(),
                t.periodEnd().atStartOfDay(zone).toInstant(), t.currency());
        return new TargetAttainment(t, won.amount(), won.count(), percent(won.amount(), t.amount()),
                percent(BigDecimal.valueOf(won.count()), BigDecimal.valueOf(t.wonCount())));
    }

    private static BigDecimal percent(BigDecimal done, BigDecimal goal) {
        return goal.signum() == 0 ? null : done.multiply(HUNDRED).divide(goal, 1, RoundingMode.HALF_UP);
    }

    private TargetStore.Row visibleRow(CurrentUser user, long id) {
        return store.find(id).filter(r -> visible(users.scopeOf(user), r.subjectType(), r.subjectId()))
                .orElseThrow(() -> new NotFoundException("target", id));
    }

    /** A department is visible when everyone in its subtree is; an empty one only to the unrestricted scope. */
    private boolean visible(OwnerScope scope, String subjectType, long subjectId) {
        if (scope.isAll()) {
            return true;
        }
        if ("user".equals(subjectType)) {
            return scope.includes(subjectId);
        }
        Set<Long> people = users.usersInDepartments(List.of(subjectId));
        return !people.isEmpty() && scope.owners().containsAll(people);
    }

    private TargetStore.Row validate(CurrentUser user, TargetInput in, Long id) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String subjectType = in.subjectType() == null ? "" : in.subjectType().trim().toLowerCase(Locale.ROOT);
        if (!subjectType.equals("user") && !subjectType.equals("department")) {
            errors.reject("subjectType", "error.target.subjectType");
        } else if (in.subjectId() == null) {
            errors.reject("subjectId", "error.required");
        } else if (!exists(subjectType, in.subjectId()) || !visible(users.scopeOf(user), subjectType, in.subjectId())) {
            errors.reject("subjectId", "error.target.subject");
        }
        TargetPeriod period = TargetPeriod.require(in.periodType(), errors);
        if (in.periodStart() == null) {
            errors.reject("periodStart", "error.required");
        } else if (period != null && !period.aligned(in.periodStart())) {
            errors.reject("periodStart", "error.target.periodStart");
        }
        BigDecimal amount = in.amount() == null ? BigDecimal.ZERO : in.amount();
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            errors.reject("amount", "error.target.amount");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.reject("amount", "error.opportunity.amountScale");
        }
        String currency = in.currency() == null || in.currency().isBlank() ? "CNY" : in.currency().trim().toUpperCase(Locale.ROOT);
        if (!OpportunityRules.isCurrency(currency)) {
            errors.reject("currency", "error.opportunity.currency");
        }
        int wonCount = in.wonCount() == null ? 0 : in.wonCount();
        if (wonCount < 0) {
            errors.reject("wonCount", "error.target.wonCount");
        }
        errors.throwIfAny();
        if (store.exists(subjectType, in.subjectId(), period.key(), in.periodStart(), id)) {
            throw new InvalidInputException("periodStart", "error.target.duplicate");
        }
        return new TargetStore.Row(id == null ? 0 : id, subjectType, in.subjectId(), period.key(), in.periodStart(),
                amount.setScale(2, RoundingMode.UNNECESSARY), currency, wonCount, 0);
    }

    private boolean exists(String subjectType, long subjectId) {
        return "user".equals(subjectType) ? users.find(subjectId).isPresent()
                : users.departmentChoices().containsKey(subjectId);
    }

    private TargetView view(TargetStore.Row r) {
        String name = "user".equals(r.subjectType())
                ? users.find(r.subjectId()).map(u -> u.name()).orElse("#" + r.subjectId())
                : users.departmentChoices().getOrDefault(r.subjectId(), "#" + r.subjectId()).replace("\u00a0", "").trim();
        TargetPeriod p = TargetPeriod.of(r.periodType());
        return new TargetView(r.id(), r.subjectType(), r.subjectId(), name, r.periodType(), r.periodStart(),
                p.end(r.periodStart()), r.amount(), r.currency(), r.wonCount(), r.version());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
