package dev.rapport.sales.web;

import dev.rapport.identity.UserManagement;
import dev.rapport.platform.CursorPage;
import dev.rapport.sales.ApprovalManagement;
import dev.rapport.sales.ApprovalView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Approval requests (审批) waiting for the signed-in user; decide a quote's with /api/v1/quotes/{id}/approve or /reject")
class ApprovalApiController {

    private final ApprovalManagement approvals;
    private final UserManagement users;

    ApprovalApiController(ApprovalManagement approvals, UserManagement users) {
        this.approvals = approvals;
        this.users = users;
    }

    @Operation(summary = "Pending requests the signed-in user may decide, oldest first (keyset paging)")
    @GetMapping
    CursorPage<ApprovalView> waiting(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return approvals.waitingFor(users.current(), cursor, Math.max(1, Math.min(limit, 200)));
    }
}
