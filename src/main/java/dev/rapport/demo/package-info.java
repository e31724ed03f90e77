/**
 * Demo data (演示数据): a deterministic, bilingual (mostly zh-CN) set of departments, staff,
 * customers, contacts, status history and activities, for trying Rapport out and for benchmarks.
 * Runs as the {@code demo-data} command and, when {@code rapport.demo-data} is true, once on the
 * first start of an empty database. Owns no tables: it writes through the published bulk-load
 * APIs of identity, customers and activities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package dev.rapport.demo;
