/**
 * Who may do what: users, the department tree, roles with their permissions and data scope, API
 * tokens, login throttling and the audit log. Owns the tables users, departments, roles,
 * role_permissions, api_tokens, login_failures and audit_log. Publishes
 * {@link dev.rapport.identity.OwnershipHandedOver} when a departing user's records move to another.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.rapport.identity;
