/**
 * The customer database (客户数据库): organizations and individuals, their contacts, status with
 * history, tier, owner, custom fields, duplicate detection and merge, search, import and export.
 * Owns the tables customers, contacts, customer_status_history, custom_fields,
 * custom_field_values, saved_views, imports, import_errors, import_file_chunks (uploaded files
 * until their import ends), stakeholders (decision chains, see
 * {@link dev.rapport.customers.Stakeholders}), and the public pools (公海池) pools, pool_departments
 * and pool_warnings. Runs imports as the db-scheduler jobs "customer-import" and
 * "customer-import-stale-uploads", and the pool recapture as "pool-recapture" (hourly). Publishes
 * the pools through {@link dev.rapport.customers.Pools} and {@link dev.rapport.customers.PoolMoves};
 * other modules report follow-ups and purchases through
 * {@link dev.rapport.customers.CustomerManagement#recordFollowUps} and
 * {@link dev.rapport.customers.CustomerManagement#recordPurchase}. Service-provider interfaces
 * that another module may implement (customers never depends on it): the importer's
 * {@link dev.rapport.customers.importing.ImportedType} (the package {@code importing} is the named
 * interface "importing"), {@link dev.rapport.customers.OwnerRouting} (owners of new customers
 * given without one) and {@link dev.rapport.customers.PooledRecords} (other records in the pools,
 * taken back by the same recapture job). Publishes
 * {@link dev.rapport.customers.CustomersMerged}, {@link dev.rapport.customers.CustomerDeleted},
 * {@link dev.rapport.customers.ContactDeleted} and {@link dev.rapport.customers.ContactMoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package dev.rapport.customers;
