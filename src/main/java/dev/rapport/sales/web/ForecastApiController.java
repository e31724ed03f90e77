package dev.rapport.sales.web;

import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.Forecast;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/forecast")
@Tag(name = "Forecast", description = "Open opportunities by expected close month (销售预测)")
class ForecastApiController {

    private final Forecast forecast;
    private final UserManagement users;
    private final Clock clock;

    ForecastApiController(Forecast forecast, UserManagement users, Clock clock) {
        this.forecast = forecast;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "Open opportunities in the caller's data scope by expected close month from `from` (yyyy-MM, "
            + "default this month) for `months` months (default 6, at most 24), per owner or department and currency; "
            + "plain sums and sums weighted by the stage probability")
    @GetMapping
    Forecast.View get(@RequestParam(required = false) String from, @RequestParam(defaultValue = "6") int months,
                      @RequestParam(defaultValue = "owner") String groupBy) {
        return forecast.of(users.current(), month(from), months, groupBy);
    }

    private YearMonth month(String from) {
        if (from == null || from.isBlank()) {
            return YearMonth.now(clock.withZone(users.currentZone()));
        }
        try {
            return YearMonth.parse(from.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("from", "error.forecast.from");
        }
    }
}
