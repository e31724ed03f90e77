/**
 * The shared kernel: small named types every module uses (cursor paging, phone numbers, Chinese
 * name romanisation, validation errors, time zones) and the web chrome (layout, locale, problem
 * details, {@code #times} for page times in the reader's zone), the db-scheduler and the SMTP mail
 * sender, and the counters of the configuration each node caches ({@code CacheGenerations}). Owns
 * the Spring Session, db-scheduler, event publication and {@code cache_generations} tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.rapport.platform;
