/**
 * The customer database (客户数据库): organizations and individuals, their contacts, status with
 * history, tier, owner, custom fields, duplicate detection and merge, search, import and export.
 * Owns the tables customers, contacts, customer_status_history, custom_fields,
 * custom_field_values, saved_views, imports, import_errors, import_file_chunks (uploaded files
 * until their import ends) and stakeholders (decision chains, see
 * {@link dev.rapport.customers.Stakeholders}). Runs imports as the db-scheduler jobs
 * "customer-import" and "customer-import-stale-uploads". Publishes {@link dev.rapport.customers.CustomersMerged},
 * {@link dev.rapport.customers.CustomerDeleted}, {@link dev.rapport.customers.ContactDeleted} and
 * {@link dev.rapport.customers.ContactMoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package dev.rapport.customers;
