package dev.rapport.customers.importing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of customers and contacts from CSV, xlsx and vCard files. An upload is stored in the
 * database and previewed with a guessed column mapping; once started it runs in the background on
 * whichever node the job scheduler picks (or synchronously, for the CLI and tests), and every row
 * ends up created, updated, skipped or rejected, the last two with their reason. A user sees only
 * their own imports; admins see all.
 */
@Service
public class ImportManagement {

    /** The first rows of a file with its headers and the guessed (or chosen) field per column. */
    public record Preview(ImportJob job, List<String> headers, List<String> fields, List<List<String>> rows,
                          List<String> choices) {
    }

    private static final int PREVIEW_ROWS = 10;

    private final ImportStore store;
    private final ImportFiles files;
    private final ImportRunner runner;
    private final CustomerManagement customers;
    private final Jobs jobs;
    private final ImportTypes types;

    /** How started imports get run: the job scheduler (absent in command-line runs), in a transaction, at what time. */
    @Component
    static class Jobs {
        final ObjectProvider<SchedulerClient> scheduler;
        final TransactionTemplate tx;
        final Clock clock;

        Jobs(ObjectProvider<SchedulerClient> scheduler, TransactionTemplate tx, Clock clock) {
            this.scheduler = scheduler;
            this.tx = tx;
            this.clock = clock;
        }
    }

    ImportManagement(ImportStore store, ImportFiles files, ImportRunner runner, CustomerManagement customers, Jobs jobs) {
        this.types = runner.types();
        this.store = store;
        this.files = files;
        this.runner = runner;
        this.customers = customers;
        this.jobs = jobs;
    }

    /**
     * Stores an upload and guesses its mapping; the import waits in status "preview" until
     * {@link #start}. Requires {@code <entity>:import} for the type: customers, contacts, or a type
     * another module plugs in ({@link ImportedType}, e.g. leads).
     */
    public ImportJob upload(CurrentUser user, String fileName, InputStream content, String type, String mode, String matchOn) {
        ImportTypes.Spec recordType = check(user, fileName, content != null, type, mode, matchOn);
        String name = baseName(fileName);
        long id = jobs.tx.execute(s -> {
            long created = store.insert(user.id(), name, recordType.key(), ImportMode.parse(mode).key(), matchKey(matchOn),
                    ImportJob.PREVIEW, jobs.clock.instant());
            try {
                store.setFile(created, files.save(created, content), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return created;
        });
        ImportJob job = store.find(id).orElseThrow();
        guessMapping(job, files.content(id, job.fileSize()));
        return store.find(id).orElseThrow();
    }

    /** Headers, the current mapping and the first rows, for the preview page; empty once the import has started. */
    public Preview preview(CurrentUser user, long id) {
        ImportJob job = find(user, id);
        ImportTypes.Spec type = spec(job);
        List<String> choices = new ArrayList<>(type.fields());
        customFields(type).forEach(d -> choices.add("cf." + d.key()));
        if (!ImportJob.PREVIEW.equals(job.status())) {
            return new Preview(job, List.of(), List.of(), List.of(), choices);
        }
        try (RowSource source = RowSources.open(files.content(id, job.fileSize()), RowSources.extension(job.fileName()))) {
            List<List<String>> rows = new ArrayList<>();
            for (SourceRow row = source.next(); row != null && rows.size() < PREVIEW_ROWS; row = source.next()) {
                rows.add(row.values());
            }
            List<String> fields = job.fields().size() == source.headers().size() ? job.fields()
                    : type.guess(source.headers(), customFields(type));
            return new Preview(job, source.headers(), fields, rows, choices);
        } catch (IOException e) {
            throw new InvalidInputException("file", "error.import.unreadable");
        }
    }

    /**
     * Fixes mode, match key and mapping (column header → field or "" to ignore; unlisted columns
     * keep their guess) and queues the import as a background job, in one transaction: the job
     * exists exactly when the import says "queued".
     */
    public ImportJob start(CurrentUser user, long id, String mode, String matchOn, Map<String, String> mapping) {
        SchedulerClient scheduler = jobs.scheduler.getIfAvailable();
        if (scheduler == null) {
            throw new IllegalStateException("no job scheduler in this process; use run");
        }
        Preview preview = preview(user, id);
        jobs.tx.executeWithoutResult(s -> {
            configure(user, preview.job(), preview.headers(), preview.fields(), mode, matchOn, mapping);
            scheduler.schedule(ImportTask.instance(id, jobs.clock.instant()));
        });
        return store.find(id).orElseThrow();
    }

    /** Like {@link #start} but runs in the caller's thread (tests); returns the finished import. */
    public ImportJob run(CurrentUser user, long id, String mode, String matchOn, Map<String, String> mapping,
                         Consumer<ImportJob> progress) {
        Preview preview = preview(user, id);
        configure(user, preview.job(), preview.headers(), preview.fields(), mode, matchOn, mapping);
        return runner.run(id, progress, () -> false);
    }

    /**
     * Imports a file from the local disk in the caller's thread (the {@code import} command), with
     * the guessed mapping: the same engine as an upload, reading the file where it is rather than
     * copying it into the database first.
     */
    public ImportJob importFile(CurrentUser user, Path file, String type, String mode, String matchOn,
                                Consumer<ImportJob> progress) {
        ImportTypes.Spec recordType = check(user, file.toString(), true, type, mode, matchOn);
        FileContent content = FileContent.of(file);
        long id = store.insert(user.id(), baseName(file.toString()), recordType.key(), ImportMode.parse(mode).key(),
                matchKey(matchOn), ImportJob.PREVIEW, jobs.clock.instant());
        store.setFile(id, content.size(), null);
        ImportJob job = guessMapping(store.find(id).orElseThrow(), content);
        // the command line offers no mapping choices, so no headers are needed to apply them
        configure(user, job, List.of(), job.fields(), mode, matchOn, Map.of());
        return runner.run(id, content, progress, () -> false);
    }

    private ImportTypes.Spec check(CurrentUser user, String fileName, boolean hasContent, String type, String mode, String matchOn) {
        var errors = new InvalidInputException.Collector();
        ImportTypes.Spec recordType = types.find(type).orElse(null);
        if (recordType == null) {
            errors.reject("type", "error.import.type");
        }
        if (!hasContent || fileName == null || fileName.isBlank()) {
            errors.reject("file", "error.required");
        } else if (!RowSources.supported(fileName)) {
            errors.reject("file", "error.import.format");
        }
        if (ImportMode.parse(mode) == null) {
            errors.reject("mode", "error.import.mode");
        }
        checkMatchOn(recordType, matchOn, errors);
        errors.throwIfAny();
        user.require(recordType.entity(), "import");
        return recordType;
    }

    /** Reads the headers and stores the guessed mapping; an unreadable file fails the import and is deleted. */
    private ImportJob guessMapping(ImportJob job, FileContent content) {
        ImportTypes.Spec type = spec(job);
        try (RowSource source = RowSources.open(content, RowSources.extension(job.fileName()))) {
            store.setFile(job.id(), job.fileSize(), type.guess(source.headers(), customFields(type)));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(ImportManagement.class).warn("Import {}: unreadable upload: {}", job.id(), ImportRunner.describe(e));
            jobs.tx.executeWithoutResult(s -> {
                store.finish(job.id(), ImportJob.FAILED, "unreadable file: " + e.getMessage(), jobs.clock.instant());
                files.delete(job.id());
            });
            throw new InvalidInputException("file", "error.import.unreadable");
        }
        return store.find(job.id()).orElseThrow();
    }

    private void configure(CurrentUser user, ImportJob job, List<String> headers, List<String> guessed, String mode,
                           String matchOn, Map<String, String> mapping) {
        if (!ImportJob.PREVIEW.equals(job.status())) {
            throw new InvalidInputException("id", "error.import.started");
        }
        ImportTypes.Spec type = spec(job);
        user.require(type.entity(), "import");
        var errors = new InvalidInputException.Collector();
        ImportMode importMode = mode == null ? ImportMode.parse(job.mode()) : ImportMode.parse(mode);
        if (importMode == null) {
            errors.reject("mode", "error.import.mode");
        }
        String match = matchOn == null ? job.matchOn() : matchOn;
        checkMatchOn(type, match, errors);
        List<String> fields = ColumnMapping.override(headers, guessed, mapping);
        List<CustomFieldDef> defs = customFields(type);
        for (String f : fields) {
            if (!ColumnMapping.allowed(type.entity(), type.fields(), f, defs)) {
                errors.reject("mapping", "error.import.mapping", f);
            }
        }
        errors.throwIfAny();
        if (!store.configure(job.id(), importMode.key(), matchKey(match), fields, ImportJob.QUEUED)) {
            throw new InvalidInputException("id", "error.import.started");
        }
    }

    /**
     * Fails the imports whose upload has waited unstarted for longer than {@code age} and deletes
     * their files; returns how many. Runs as a recurring job.
     */
    int expireUnstartedUploads(java.time.Duration age) {
        return jobs.tx.execute(s -> {
            int expired = store.expirePreviews(jobs.clock.instant().minus(age), jobs.clock.instant());
            files.deleteOfFinished();
            return expired;
        });
    }

    /** An import the user may see: their own, or any for an administrator. */
    public ImportJob find(CurrentUser user, long id) {
        ImportJob job = store.find(id).orElseThrow(() -> new NotFoundException("import", id));
        if (job.userId() != user.id() && !isAdmin(user)) {
            throw new NotFoundException("import", id);
        }
        return job;
    }

    /** The user's imports (all, for an administrator), newest first. */
    public List<ImportJob> list(CurrentUser user, int limit) {
        return store.list(isAdmin(user) ? null : user.id(), limit);
    }

    /** Rejected or skipped rows after {@code afterLine}, in line order; reasons stay encoded until {@link ImportReports} translates them. */
    List<ImportStore.ReportedRow> reported(CurrentUser user, long id, String outcome, long afterLine, int limit) {
        find(user, id);
        return store.reported(id, outcome, afterLine, limit);
    }

    private static boolean isAdmin(CurrentUser user) {
        return "admin".equals(user.roleKey()) || user.can("user:manage");
    }

    /** The keys an import of the job's type can match on, for the preview's choice. */
    public List<String> matchKeys(ImportJob job) {
        return spec(job).matchKeys().stream().map(MatchKey::key).toList();
    }

    /**
     * The keys each record type the user may import can match on, by type key, in the upload form's
     * order: only customers (organizations) have a credit code.
     */
    public Map<String, List<String>> matchKeysByType(CurrentUser user) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String key : typeKeys(user)) {
            types.find(key).ifPresent(t -> out.put(key, t.matchKeys().stream().map(MatchKey::key).toList()));
        }
        return out;
    }

    /** The record types the user may import, as the upload form offers them. */
    public List<String> typeKeys(CurrentUser user) {
        return types.keys().stream().filter(k -> types.find(k).map(t -> user.can(t.entity(), "import")).orElse(false)).toList();
    }

    private ImportTypes.Spec spec(ImportJob job) {
        return types.find(job.type()).orElseThrow(() -> new IllegalStateException("unknown import type " + job.type()));
    }

    /** Custom fields are our own records' (a plugged type has none of them). */
    private List<CustomFieldDef> customFields(ImportTypes.Spec type) {
        return type.builtIn() == null ? List.of() : customers.customFields(type.entity());
    }

    private static void checkMatchOn(ImportTypes.Spec type, String matchOn, InvalidInputException.Collector errors) {
        if (matchOn == null || matchOn.isBlank()) {
            return;
        }
        MatchKey key = MatchKey.parse(matchOn);
        if (key == null || type != null && !type.matchKeys().contains(key)) {
            errors.reject("matchOn", "error.import.matchOn");
        }
    }

    private static String matchKey(String matchOn) {
        MatchKey key = MatchKey.parse(matchOn);
        return key == null ? null : key.key();
    }

    private static String baseName(String fileName) {
        String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}
