/**
 * Import of records from CSV, xlsx and vCard files: upload, preview and mapping, background run in
 * batches, reports of rejected and skipped rows. Published as the named interface "importing" so
 * other modules can plug their own record types into the same importer through
 * {@link dev.rapport.customers.importing.ImportedType} (the sales module imports leads this way),
 * and use {@link dev.rapport.customers.importing.ImportManagement} to start imports.
 */
@org.springframework.modulith.NamedInterface("importing")
package dev.rapport.customers.importing;
