package dev.rapport.customers.importing;

import dev.rapport.customers.CustomerManagement;
import dev.rapport.customers.domain.CustomFieldDef;
import dev.rapport.identity.CurrentUser;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;

/**
 * Imports of customers and contacts from CSV, xlsx and vCard files. An upload is kept under the
 * data directory and previewed with a guessed column mapping; once started it runs in the
 * background (or synchronously, for the CLI) and every row ends up created, updated, skipped or
 * rejected with its reason. A user sees only their own imports; admins see all.
 */
@Service
public class ImportManagement {

    /** The first rows of a file with its headers and the guessed (or chosen) field per column. */
    public record Preview(ImportJob job, List<String> headers, List<String> fields, List<List<String>> rows,
                          List<String> choices) {
    }

    private static final int PREVIEW_ROWS = 10;

    private final ImportStore store;
    private final ImportRunner runner;
    private final CustomerManagement customers;
    private final TaskExecutor executor;
    private final Settings settings;

    /** Where uploads go and what time it is. */
    @org.springframework.stereotype.Component
    static class Settings {
        final Path dataDir;
        final Clock clock;

        Settings(@Value("${rapport.data-dir}") String dataDir, Clock clock) {
            this.dataDir = Path.of(dataDir);
            this.clock = clock;
        }
    }

    ImportManagement(ImportStore store, ImportRunner runner, CustomerManagement customers,
                     @Qualifier("importExecutor") TaskExecutor executor, Settings settings) {
        this.store = store;
        this.runner = runner;
        this.customers = customers;
        this.executor = executor;
        this.settings = settings;
    }

    /**
     * Stores an upload and guesses its mapping; the import waits in status "preview" until
     * {@link #start}. Requires {@code customer:import} or {@code contact:import}.
     */
    public ImportJob upload(CurrentUser user, String fileName, InputStream content, String type, String mode, String matchOn) {
        var errors = new InvalidInputException.Collector();
        RecordType recordType = RecordType.parse(type);
        if (recordType == null) {
            errors.reject("type", "error.import.type");
        }
        if (content == null || fileName == null || fileName.isBlank()) {
            errors.reject("file", "error.required");
        } else if (!RowSources.supported(fileName)) {
            errors.reject("file", "error.import.format");
        }
        ImportMode importMode = ImportMode.parse(mode);
        if (importMode == null) {
            errors.reject("mode", "error.import.mode");
        }
        checkMatchOn(recordType, matchOn, errors);
        errors.throwIfAny();
        user.require(recordType.entity(), "import");
        String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        long id = store.insert(user.id(), clip(name), recordType.key(), importMode.key(), matchKey(matchOn), ImportJob.PREVIEW,
                settings.clock.instant());
        Path target = settings.dataDir.resolve("imports").resolve(id + "." + RowSources.extension(name));
        try {
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.setFile(id, target.toAbsolutePath().toString(), null);
        try (RowSource source = RowSources.open(target, RowSources.extension(name))) {
            List<String> fields = ColumnMapping.guess(recordType, source.headers(), customFields(recordType));
            store.setFile(id, target.toAbsolutePath().toString(), fields);
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ImportManagement.class).warn("Import {}: unreadable upload {}: {}", id, name, e.toString());
            store.finish(id, ImportJob.FAILED, "unreadable file: " + e.getMessage(), settings.clock.instant());
            throw new InvalidInputException("file", "error.import.unreadable");
        }
        return store.find(id).orElseThrow();
    }

    /** Headers, the current mapping and the first rows, for the preview page. */
    public Preview preview(CurrentUser user, long id) {
        ImportJob job = find(user, id);
        RecordType type = RecordType.parse(job.type());
        List<String> choices = new ArrayList<>(type.fields());
        customFields(type).forEach(d -> choices.add("cf." + d.key()));
        Path file = Path.of(job.storedFile());
        try (RowSource source = RowSources.open(file, RowSources.extension(file.getFileName().toString()))) {
            List<List<String>> rows = new ArrayList<>();
            for (SourceRow row = source.next(); row != null && rows.size() < PREVIEW_ROWS; row = source.next()) {
                rows.add(row.values());
            }
            List<String> fields = job.fields().size() == source.headers().size() ? job.fields()
                    : ColumnMapping.guess(type, source.headers(), customFields(type));
            return new Preview(job, source.headers(), fields, rows, choices);
        } catch (IOException e) {
            throw new InvalidInputException("file", "error.import.unreadable");
        }
    }

    /**
     * Fixes mode, match key and mapping (column header → field or "" to ignore; unlisted columns
     * keep their guess) and queues the import on the import executor.
     */
    public ImportJob start(CurrentUser user, long id, String mode, String matchOn, Map<String, String> mapping) {
        ImportJob job = configure(user, id, mode, matchOn, mapping);
        try {
            executor.execute(() -> runner.run(job.id(), j -> { }));
        } catch (TaskRejectedException e) {
            store.finish(job.id(), ImportJob.FAILED, "too many imports waiting; try again later", settings.clock.instant());
        }
        return store.find(id).orElseThrow();
    }

    /** Like {@link #start} but runs in the caller's thread (CLI, tests); returns the finished import. */
    public ImportJob run(CurrentUser user, long id, String mode, String matchOn, Map<String, String> mapping,
                         Consumer<ImportJob> progress) {
        ImportJob job = configure(user, id, mode, matchOn, mapping);
        return runner.run(job.id(), progress);
    }

    private ImportJob configure(CurrentUser user, long id, String mode, String matchOn, Map<String, String> mapping) {
        ImportJob job = find(user, id);
        if (!ImportJob.PREVIEW.equals(job.status())) {
            throw new InvalidInputException("id", "error.import.started");
        }
        RecordType type = RecordType.parse(job.type());
        user.require(type.entity(), "import");
        var errors = new InvalidInputException.Collector();
        ImportMode importMode = mode == null ? ImportMode.parse(job.mode()) : ImportMode.parse(mode);
        if (importMode == null) {
            errors.reject("mode", "error.import.mode");
        }
        String match = matchOn == null ? job.matchOn() : matchOn;
        checkMatchOn(type, match, errors);
        Preview preview = preview(user, id);
        List<String> fields = ColumnMapping.override(preview.headers(), preview.fields(), mapping);
        List<CustomFieldDef> defs = customFields(type);
        for (String f : fields) {
            if (!ColumnMapping.allowed(type, f, defs)) {
                errors.reject("mapping", "error.import.mapping", f);
            }
        }
        errors.throwIfAny();
        store.configure(id, importMode.key(), matchKey(match), fields, ImportJob.QUEUED);
        return store.find(id).orElseThrow();
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

    /** Rejected rows after {@code afterLine}, in line order; reasons stay encoded until {@link ImportReports} translates them. */
    List<ImportStore.RejectedRow> rejected(CurrentUser user, long id, long afterLine, int limit) {
        find(user, id);
        return store.errors(id, afterLine, limit);
    }

    private static boolean isAdmin(CurrentUser user) {
        return "admin".equals(user.roleKey()) || user.can("user:manage");
    }

    private List<CustomFieldDef> customFields(RecordType type) {
        return customers.customFields(type.entity());
    }

    private static void checkMatchOn(RecordType type, String matchOn, InvalidInputException.Collector errors) {
        if (matchOn == null || matchOn.isBlank()) {
            return;
        }
        MatchKey key = MatchKey.parse(matchOn);
        if (key == null || type == RecordType.CONTACTS && key == MatchKey.CREDIT_CODE) {
            errors.reject("matchOn", "error.import.matchOn");
        }
    }

    private static String matchKey(String matchOn) {
        MatchKey key = MatchKey.parse(matchOn);
        return key == null ? null : key.key();
    }

    private static String clip(String name) {
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}
