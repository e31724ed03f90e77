/**
 * Who may do what, and what reaches them: users with their settings (time zone, language,
 * e-mailed reminders), the department tree, roles with their permissions and data scope, API
 * tokens, login throttling, the audit log, and the notification inbox (通知) with its e-mail
 * delivery. Owns the tables users, departments, roles, role_permissions, api_tokens,
 * login_failures, audit_log and notifications. Publishes
 * {@link dev.rapport.identity.OwnershipHandedOver} when a departing user's records move to another.
 * Other modules notify users through {@link dev.rapport.identity.Notifications}; the
 * {@code notification-mail} job (db-scheduler, every 30 seconds) sends the e-mails.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.rapport.identity;
