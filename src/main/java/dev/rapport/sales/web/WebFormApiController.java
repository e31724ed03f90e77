package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.sales.WebForm;
import dev.rapport.sales.WebFormInput;
import dev.rapport.sales.WebFormManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/web-forms")
@Tag(name = "Web forms", description = "Public forms that create leads, served at /forms/{key}; needs webform:manage")
class WebFormApiController {

    record FormRequest(String key, String title, List<String> fields, String thankYou, String defaultSource, Long ownerId,
                       Boolean active, Boolean requireToken, Long version) {
        WebFormInput toInput() {
            return new WebFormInput(key, title, fields, thankYou, defaultSource, ownerId, active, requireToken);
        }
    }

    private final WebFormManagement forms;
    private final UserManagement users;

    WebFormApiController(WebFormManagement forms, UserManagement users) {
        this.forms = forms;
        this.users = users;
    }

    @GetMapping
    List<WebForm> list() {
        return forms.list(users.current());
    }

    @Operation(summary = "Create a form: key (URL name), title, fields shown (company, title, phone, email, province, city, industry, description; name always), thank-you text, default source, optional owner; requireToken=false accepts posts from other sites' own HTML")
    @PostMapping
    ResponseEntity<WebForm> create(@RequestBody FormRequest request) {
        WebForm f = forms.create(users.current(), request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/web-forms/" + f.id())).eTag(ETags.of(f.version())).body(f);
    }

    @GetMapping("/{id}")
    ResponseEntity<WebForm> get(@PathVariable long id) {
        WebForm f = forms.get(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(f.version())).body(f);
    }

    @PutMapping("/{id}")
    ResponseEntity<WebForm> replace(@PathVariable long id, @RequestBody FormRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long current = forms.get(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        WebForm f = forms.update(me, id, ETags.expectedVersion(ifMatch, request.version(), current), request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(f.version())).body(f);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        forms.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }
}
