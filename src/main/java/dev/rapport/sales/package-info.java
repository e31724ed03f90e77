/**
 * Sales management (销售管理): leads (线索) with assignment rules and public web forms, opportunities
 * (商机) in configurable pipelines with a kanban board, products (产品) with price books (价目表),
 * quotes (报价单) with approvals (审批), PDF and e-mail, orders and contracts (订单, 合同; both also from an
 * accepted quote), payment plans editable after payments
 * and payments (回款), receivables and credit terms with a risk flag, order history import, sales
 * targets (销售目标) with their attainment, the forecast (销售预测) and the performance review (业绩考核,
 * {@link dev.rapport.sales.PerformanceReview}, activities counted through {@link dev.rapport.activities.ActivityCounts}).
 * Reaches customers, contacts and activities only through their published APIs.
 * <p>
 * Owns the tables leads, lead_assignment_rules, lead_web_forms, lead_form_hits; pipelines,
 * pipeline_stages, opportunities, opportunity_stage_history, opportunity_lines,
 * opportunity_closed_totals; products, price_books,
 * price_book_entries, quotes, quote_lines, approval_requests, sales_settings; sales_orders,
 * sales_order_lines, sales_contracts, sales_instalments, sales_payments, sales_payment_allocations,
 * sales_credit_terms, sales_order_imports, sales_order_import_chunks, sales_order_import_errors;
 * sales_targets; and the sequences quote_number_seq, sales_order_number_seq and sales_contract_number_seq.
 * <p>
 * Publishes {@link dev.rapport.sales.OpportunityWon}, {@link dev.rapport.sales.OpportunityLost},
 * {@link dev.rapport.sales.OpportunityDeleted} and {@link dev.rapport.sales.QuoteAccepted}. An
 * opportunity's decision chain is kept by the customers module's
 * {@link dev.rapport.customers.Stakeholders} under the context {@code opportunity:<id>}; its
 * products are {@link dev.rapport.sales.OpportunityLines}, and a quote can be made from them
 * ({@link dev.rapport.sales.OpportunityQuotes}). The board's won and lost totals come from the
 * rollup opportunity_closed_totals (kept by OpportunityStore). Listens to customer merges and
 * deletions and to owner hand-overs. Implements {@link dev.rapport.activities.LeadAccess} so
 * activities can sit on leads (and restart a pooled lead's follow-up clock), and the customers'
 * SPIs: the lead import type ({@code leads}) of the customers' importer,
 * {@link dev.rapport.customers.OwnerRouting} (the assignment rules route new customers too) and
 * {@link dev.rapport.customers.PooledRecords} (leads sit in the public pools:
 * {@link dev.rapport.sales.LeadPools}, recaptured by the pool job).
 * Runs the db-scheduler jobs {@code quote-expiry} (hourly) and {@code order-import} (one per
 * uploaded file). A confirmed order reports the purchase to the customer
 * ({@link dev.rapport.customers.CustomerManagement#recordPurchase}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package dev.rapport.sales;
