/**
 * The shared kernel: small named types every module uses (cursor paging, phone numbers, Chinese
 * name romanisation, validation errors) and the web chrome (layout, locale, problem details).
 * Owns the Spring Session, db-scheduler and event publication tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.rapport.platform;
