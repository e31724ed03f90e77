package dev.rapport.sales;

import java.math.BigDecimal;
import java.util.List;

/** The payment plan (回款计划) of an order or contract and the payments received (回款) on it. */
public record PaymentPlan(String targetType, long targetId, String currency, BigDecimal total, BigDecimal paid,
                          BigDecimal receivable, BigDecimal overdue, List<InstalmentView> instalments,
                          List<PaymentView> payments, long version) {
}
