package dev.rapport.customers.web;

import dev.rapport.customers.importing.ImportJob;
import dev.rapport.customers.importing.ImportManagement;
import dev.rapport.customers.importing.ImportReports;
import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Import customers, contacts and leads from CSV, xlsx and vCard files (导入)")
class ImportApiController {

    record Accepted(long id) {
    }

    record ImportStatus(long id, String status, String fileName, String type, String mode, String matchOn, long totalRows,
                        long processed, long created, long updated, long skipped, long rejected, int percent, String message,
                        Instant createdAt, Instant startedAt, Instant finishedAt) {

        static ImportStatus of(ImportJob j) {
            return new ImportStatus(j.id(), j.status(), j.fileName(), j.type(), j.mode(), j.matchOn(), j.totalRows(),
                    j.processed(), j.created(), j.updated(), j.skipped(), j.rejected(), j.percent(), j.message(),
                    j.createdAt(), j.startedAt(), j.finishedAt());
        }
    }

    private final ImportManagement imports;
    private final ImportReports reports;
    private final UserManagement users;
    private final JsonMapper json;

    ImportApiController(ImportManagement imports, ImportReports reports, UserManagement users, JsonMapper json) {
        this.imports = imports;
        this.reports = reports;
        this.users = users;
        this.json = json;
    }

    @Operation(summary = "Upload a file and start importing it in the background",
            description = "Multipart form: file (.csv UTF-8/GBK with comma, semicolon or tab; .xlsx; .vcf), type = customers|contacts|leads, "
                    + "mode = create|update|skip (default create), optional matchOn = email|phone|externalId, or creditCode for customers only (another type with creditCode is a 400 naming matchOn), "
                    + "optional mapping as JSON {\"column header\": \"field or cf.<key> or empty to ignore\"} or repeated "
                    + "map.<column header>=<field> parameters. Columns not mentioned are mapped from their header. "
                    + "The file is stored in the database and imported by a background job on any node. "
                    + "Answers 202 with the import id; poll GET /api/v1/imports/{id}. Needs customer:import, contact:import or lead:import. "
                    + "Leads match on email, phone or externalId; rows without an owner go to the assignment rules.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Accepted> create(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String mode, @RequestParam(required = false) String matchOn,
                                    @RequestParam(required = false) String mapping,
                                    @Parameter(hidden = true) @RequestParam Map<String, String> params) throws IOException {
        CurrentUser me = users.current();
        Map<String, String> choices = mapping(mapping, params);
        ImportJob job;
        try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
            job = imports.upload(me, file == null ? null : file.getOriginalFilename(), in, type, mode, matchOn);
        }
        job = imports.start(me, job.id(), mode, matchOn, choices);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(job.id()));
    }

    @Operation(summary = "The caller's imports (all imports for an administrator), newest first")
    @GetMapping
    List<ImportStatus> list(@RequestParam(defaultValue = "50") int limit) {
        return imports.list(users.current(), Math.max(1, Math.min(limit, 200))).stream().map(ImportStatus::of).toList();
    }

    @Operation(summary = "Status and counts of an import: status preview|queued|running|done|failed",
            description = "While an import runs, percent is how far into the file it has got and processed counts the rows "
                    + "committed so far; totalRows is known once it is done. Every processed row is exactly one of created, "
                    + "updated, skipped or rejected.")
    @GetMapping("/{id}")
    ImportStatus get(@PathVariable long id) {
        return ImportStatus.of(imports.find(users.current(), id));
    }

    @Operation(summary = "Rejected rows with line number, translated reason and raw text; keyset-paged with next")
    @GetMapping("/{id}/errors")
    ImportReports.Page errors(@PathVariable long id, @RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "100") int limit) {
        return reports.page(users.current(), id, false, cursor, Math.max(1, Math.min(limit, 1000)), LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Skipped rows with line number, translated reason (the record or earlier line they match) and raw text; "
            + "keyset-paged with next")
    @GetMapping("/{id}/skipped")
    ImportReports.Page skipped(@PathVariable long id, @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "100") int limit) {
        return reports.page(users.current(), id, true, cursor, Math.max(1, Math.min(limit, 1000)), LocaleContextHolder.getLocale());
    }

    @Operation(summary = "All rejected rows as a CSV report (UTF-8 with BOM)")
    @GetMapping("/{id}/errors.csv")
    void errorsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        csv(id, false, "errors", response);
    }

    @Operation(summary = "All skipped rows as a CSV report (UTF-8 with BOM)")
    @GetMapping("/{id}/skipped.csv")
    void skippedCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        csv(id, true, "skipped", response);
    }

    private void csv(long id, boolean skipped, String name, HttpServletResponse response) throws IOException {
        CurrentUser me = users.current();
        imports.find(me, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-" + name + ".csv\"");
        reports.writeCsv(me, id, skipped, response.getOutputStream(), LocaleContextHolder.getLocale());
    }

    private Map<String, String> mapping(String mappingJson, Map<String, String> params) {
        Map<String, String> choices = new LinkedHashMap<>();
        if (mappingJson != null && !mappingJson.isBlank()) {
            try {
                choices.putAll(json.readValue(mappingJson, new TypeReference<Map<String, String>>() { }));
            } catch (RuntimeException e) {
                throw new InvalidInputException("mapping", "error.import.mappingJson");
            }
        }
        params.forEach((k, v) -> {
            if (k.startsWith("map.")) {
                choices.put(k.substring(4), v);
            }
        });
        return choices;
    }
}
