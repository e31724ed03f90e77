/**
 * The shared kernel: small named types every module uses (cursor paging, phone numbers, Chinese
 * name romanisation, validation errors, time zones) and the web chrome (layout, locale, problem
 * details, {@code #times} for page times in the reader's zone), the db-scheduler and the SMTP mail
 * sender. Owns the Spring Session, db-scheduler and event publication tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.rapport.platform;
