/**
 * Sales management (销售管理): leads (线索), opportunities (商机) in configurable pipelines,
 * products (产品) with price books (价目表), quotes (报价单) with approvals (审批), orders (订单),
 * contracts (合同) and payments (回款), targets (销售目标), forecast and performance review
 * (业绩考核). Reaches customers, contacts and activities only through their published APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package dev.rapport.sales;
