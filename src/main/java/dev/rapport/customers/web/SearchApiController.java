package dev.rapport.customers.web;

import dev.rapport.customers.CustomerRow;
import dev.rapport.customers.query.ContactQuery;
import dev.rapport.customers.query.CustomerSearch;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search")
class SearchApiController {

    record SearchResult(List<CustomerRow> customers, List<ContactQuery.ContactRow> contacts) {
    }

    private final CustomerSearch search;
    private final UserManagement users;

    SearchApiController(CustomerSearch search, UserManagement users) {
        this.search = search;
        this.users = users;
    }

    @Operation(summary = "One search box: customers and contacts by name, pinyin or initials, phone in any format, e-mail, company")
    @GetMapping("/api/v1/search")
    SearchResult search(@RequestParam String q, @RequestParam(defaultValue = "10") int limit) {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", "error.required");
        }
        CurrentUser me = users.current();
        int n = Math.max(1, Math.min(limit, 50));
        CustomerSearch.Result found = search.search(me, users.scopeOf(me), q, n);
        return new SearchResult(found.customers(), found.contacts());
    }
}
