package dev.rapport.sales.web;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.StaleVersionException;
import dev.rapport.sales.ApprovalManagement;
import dev.rapport.sales.QuoteApprovalPolicy;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Approvals waiting for me" (待我审批); administrators also set the discount threshold here, next
 * to what it causes.
 */
@Controller
class ApprovalPagesController {

    private final ApprovalManagement approvals;
    private final QuoteApprovalPolicy policy;
    private final UserManagement users;

    ApprovalPagesController(ApprovalManagement approvals, QuoteApprovalPolicy policy, UserManagement users) {
        this.approvals = approvals;
        this.policy = policy;
        this.users = users;
    }

    @GetMapping("/approvals")
    String waiting(@RequestParam(required = false) String cursor, Model model) {
        CurrentUser me = users.current();
        var page = approvals.waitingFor(me, cursor, 50);
        model.addAttribute("approvals", page.items());
        model.addAttribute("next", page.next());
        model.addAttribute("threshold", me.can("role:manage") ? policy.threshold() : null);
        return "sales/approvals";
    }

    @PostMapping("/approvals/settings")
    String threshold(@RequestParam long version, @RequestParam(required = false) BigDecimal threshold, RedirectAttributes flash) {
        try {
            policy.changeThreshold(users.current(), version, threshold);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", e.errors());
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("errors", java.util.List.of(new InvalidInputException.FieldError("threshold", "problem.stale", java.util.List.of())));
        }
        return "redirect:/approvals";
    }
}
