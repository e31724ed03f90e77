package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.Forecast;
import dev.rapport.sales.TargetInput;
import dev.rapport.sales.TargetManagement;
import dev.rapport.sales.TargetPeriod;
import dev.rapport.sales.TargetView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The targets page (a period's targets with attainment bars and the form to set one) and the forecast page. */
@Controller
class TargetPagesController {

    private final TargetManagement targets;
    private final Forecast forecast;
    private final UserManagement users;
    private final Clock clock;

    TargetPagesController(TargetManagement targets, Forecast forecast, UserManagement users, Clock clock) {
        this.targets = targets;
        this.forecast = forecast;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/targets")
    String list(@RequestParam(defaultValue = "month") String period, @RequestParam(required = false) String start,
                @RequestParam(required = false) Long edit, Model model) {
        CurrentUser me = users.current();
        TargetPeriod p = TargetPeriod.of(period) == null ? TargetPeriod.MONTH : TargetPeriod.of(period);
        LocalDate from = align(p, parse(start));
        model.addAttribute("period", p.key());
        model.addAttribute("periods", TargetPeriod.KEYS);
        model.addAttribute("start", from);
        model.addAttribute("previous", align(p, from.minusDays(1)));
        model.addAttribute("next", p.end(from));
        model.addAttribute("rows", targets.list(me, from, from.plusDays(1), p.key(), null, null).stream()
                .map(t -> targets.attainment(me, t.id())).toList());
        boolean canManage = me.can("target:manage");
        model.addAttribute("canManage", canManage);
        if (canManage) {
            model.addAttribute("people", users.assignableOwners(me));
            model.addAttribute("departments", users.departmentChoices());
            if (!model.containsAttribute("form")) {
                TargetView t = edit == null ? null : targets.get(me, edit);
                model.addAttribute("form", t != null ? t
                        : new TargetView(0, "user", me.id(), "", p.key(), from, p.end(from), BigDecimal.ZERO, "CNY", 0, 0));
            }
        }
        return "sales/targets";
    }

    @PostMapping("/targets")
    String save(@RequestParam(required = false) Long id, @RequestParam(required = false) Long version,
                @RequestParam String subjectType, @RequestParam(required = false) Long userId,
                @RequestParam(required = false) Long departmentId, @RequestParam String periodType,
                @RequestParam(required = false) String periodStart, @RequestParam(required = false) String amount,
                @RequestParam(required = false) String currency, @RequestParam(required = false) Integer wonCount, Model model) {
        CurrentUser me = users.current();
        Long subject = "department".equals(subjectType) ? departmentId : userId;
        LocalDate start = parse(periodStart);
        try {
            BigDecimal value;
            try {
                value = amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("amount", "error.number.invalid");
            }
            TargetInput in = new TargetInput(subjectType, subject, periodType, start, value, currency, wonCount);
            if (id == null || id == 0) {
                targets.create(me, in);
            } else {
                targets.update(me, id, version == null ? -1 : version, in);
            }
            return "redirect:/targets?period=" + periodType + "&start=" + start;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        model.addAttribute("form", new TargetView(id == null ? 0 : id, subjectType, subject == null ? 0 : subject, "",
                periodType, start, start, typed(amount), currency, wonCount == null ? 0 : wonCount, version == null ? 0 : version));
        return list(periodType, start.toString(), null, model);
    }

    @PostMapping("/targets/{id}/delete")
    String delete(@PathVariable long id) {
        TargetView t = targets.get(users.current(), id);
        targets.delete(users.current(), id);
        return "redirect:/targets?period=" + t.periodType() + "&start=" + t.periodStart();
    }

    @GetMapping("/forecast")
    String forecast(@RequestParam(required = false) String from, @RequestParam(defaultValue = "6") int months,
                    @RequestParam(defaultValue = "owner") String groupBy, Model model) {
        YearMonth month;
        try {
            month = from == null || from.isBlank() ? YearMonth.now(clock.withZone(users.currentZone())) : YearMonth.parse(from.trim());
        } catch (DateTimeParseException e) {
            month = YearMonth.now(clock.withZone(users.currentZone()));
        }
        int span = Math.max(1, Math.min(months, Forecast.MAX_MONTHS));
        model.addAttribute("forecast", forecast.of(users.current(), month, span, "department".equals(groupBy) ? "department" : "owner"));
        model.addAttribute("monthCount", span);
        return "sales/forecast";
    }

    /** The amount as typed, so a form sent back with errors keeps it (zero when it is not a number). */
    private static BigDecimal typed(String amount) {
        try {
            return amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private LocalDate parse(String date) {
        try {
            return date == null || date.isBlank() ? LocalDate.now(clock.withZone(users.currentZone())) : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            return LocalDate.now(clock.withZone(users.currentZone()));
        }
    }

    /** The start of the period of this kind that holds the day. */
    private static LocalDate align(TargetPeriod p, LocalDate day) {
        return switch (p) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }
}
