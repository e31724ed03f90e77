package dev.rapport.sales.web;

import dev.rapport.identity.UserManagement;
import dev.rapport.sales.LeadAlreadyConvertedException;
import dev.rapport.sales.LeadConversion;
import dev.rapport.sales.LeadConversionInput;
import dev.rapport.sales.LeadConversionResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads/{id}/convert")
@Tag(name = "Leads")
class LeadConversionApiController {

    private final LeadConversion conversion;
    private final UserManagement users;
    private final MessageSource messages;

    LeadConversionApiController(LeadConversion conversion, UserManagement users, MessageSource messages) {
        this.conversion = conversion;
        this.users = users;
        this.messages = messages;
    }

    @Operation(summary = "What converting would match: visible customers that look like the lead (same credit code, phone, e-mail or name)")
    @GetMapping
    LeadConversion.Preview preview(@PathVariable long id) {
        return conversion.preview(users.current(), id);
    }

    @Operation(summary = "Convert the lead in one step: customer (customerId to use an existing one, else a new one; createCustomer=true to create despite matches), contact, optional opportunity (opportunityName, amount, currency, expectedCloseDate); moves the lead's activities to the customer. A second conversion is refused with 409.")
    @PostMapping
    ResponseEntity<LeadConversionResult> convert(@PathVariable long id, @RequestBody LeadConversionInput input) {
        LeadConversionResult r = conversion.convert(users.current(), id, input);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + r.customerId())).body(r);
    }

    @ExceptionHandler(LeadAlreadyConvertedException.class)
    ResponseEntity<ProblemDetail> alreadyConverted(LeadAlreadyConvertedException e) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(URI.create("https://rapport.dev/problems/lead-converted"));
        problem.setTitle(messages.getMessage("problem.lead.converted", null, "Already converted", locale));
        problem.setDetail(messages.getMessage("problem.lead.converted.detail", new Object[] {e.customerId()}, "", locale));
        problem.setProperty("customerId", e.customerId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
