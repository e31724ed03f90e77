package dev.rapport.customers.web;

import dev.rapport.customers.ContactDetails;
import dev.rapport.customers.ContactInput;
import dev.rapport.customers.ContactManagement;
import dev.rapport.customers.query.ContactQuery;
import dev.rapport.identity.AuditEntry;
import dev.rapport.identity.AuditLog;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.platform.ETags;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contacts", description = "Contacts of organizations (联系人)")
class ContactApiController {

    record ContactRequest(Long customerId, String name, String title, String phone, String email, LocalDate birthday,
                          Long ownerId, String externalId, String notes, Map<String, String> customFields, Long version) {
        ContactInput toInput() {
            return new ContactInput(customerId, name, title, phone, email, birthday, ownerId, externalId, notes, customFields);
        }
    }

    private final ContactManagement contacts;
    private final ContactQuery query;
    private final UserManagement users;
    private final AuditLog audit;
    private final ContactCards cards;

    ContactApiController(ContactManagement contacts, ContactQuery query, UserManagement users, AuditLog audit, ContactCards cards) {
        this.contacts = contacts;
        this.query = query;
        this.users = users;
        this.audit = audit;
        this.cards = cards;
    }

    @Operation(summary = "List contacts; filters q, customerId, owner, cf.<key>; keyset paging")
    @GetMapping("/contacts")
    CursorPage<ContactQuery.ContactRow> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long customerId,
                                             @RequestParam(required = false) Long owner,
                                             @Parameter(hidden = true) @RequestParam Map<String, String> params,
                                             @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        CurrentUser me = users.current();
        me.require("contact", "view");
        Map<String, String> custom = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("cf.") && v != null && !v.isBlank()) {
                custom.put(k.substring(3), v);
            }
        });
        return query.list(q, customerId, owner, custom, users.scopeOf(me), cursor, CustomerApiController.clamp(limit));
    }

    @GetMapping("/customers/{id}/contacts")
    List<ContactDetails> ofCustomer(@PathVariable long id) {
        return contacts.ofCustomer(users.current(), id);
    }

    @PostMapping("/contacts")
    ResponseEntity<ContactDetails> create(@RequestBody ContactRequest request) {
        ContactDetails k = contacts.create(users.current(), request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + k.id())).eTag(ETags.of(k.version())).body(k);
    }

    @GetMapping("/contacts/{id}")
    ResponseEntity<ContactDetails> get(@PathVariable long id) {
        ContactDetails k = contacts.details(users.current(), id);
        return ResponseEntity.ok().eTag(ETags.of(k.version())).body(k);
    }

    @PutMapping("/contacts/{id}")
    ResponseEntity<ContactDetails> replace(@PathVariable long id, @RequestBody ContactRequest request,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        CurrentUser me = users.current();
        long current = contacts.details(me, id).version();
        if ((ifMatch == null || ifMatch.isBlank()) && request.version() == null) {
            throw new InvalidInputException("version", "error.version.required");
        }
        ContactDetails k = contacts.update(me, id, ETags.expectedVersion(ifMatch, request.version(), current), request.toInput());
        return ResponseEntity.ok().eTag(ETags.of(k.version())).body(k);
    }

    @DeleteMapping("/contacts/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        contacts.delete(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/contacts/{id}/history")
    CursorPage<AuditEntry> history(@PathVariable long id, @RequestParam(required = false) String cursor) {
        contacts.visible(users.current(), id);
        return audit.history("contact", id, cursor, 50);
    }

    @Operation(summary = "The contact as a vCard 4.0")
    @GetMapping(value = "/contacts/{id}/vcard", produces = "text/vcard")
    ResponseEntity<byte[]> vcard(@PathVariable long id) {
        CurrentUser me = users.current();
        me.require("contact", "export");
        ContactDetails k = contacts.details(me, id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("contact-" + id + ".vcf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("text/vcard;charset=UTF-8"))
                .body(cards.write(k).getBytes(StandardCharsets.UTF_8));
    }
}
