package dev.rapport.customers.web;

import dev.rapport.customers.CustomerViews;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.identity.UserManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/custom-fields")
@Tag(name = "Custom fields", description = "Admin-defined fields on customers and contacts")
class CustomFieldApiController {

    record FieldRequest(String entityType, String key, String label, String type, List<String> options) {
    }

    private final CustomerViews views;
    private final UserManagement users;

    CustomFieldApiController(CustomerViews views, UserManagement users) {
        this.views = views;
        this.users = users;
    }

    @GetMapping
    List<CustomFieldDef> list() {
        users.current();
        return views.fields();
    }

    @Operation(summary = "Add a field: entityType customer|contact, key, label, type TEXT|NUMBER|DATE|BOOLEAN|SELECT|MULTISELECT, options")
    @PostMapping
    ResponseEntity<CustomFieldDef> add(@RequestBody FieldRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(views.addField(users.current(), r.entityType(), r.key(), r.label(), r.type(), r.options()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        views.deleteField(users.current(), id);
        return ResponseEntity.noContent().build();
    }
}
