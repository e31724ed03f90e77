package dev.rapport.customers.importing;

import dev.rapport.identity.CurrentUser;
import dev.rapport.identity.UserManagement;
import dev.rapport.identity.UserSummary;
import dev.rapport.platform.InvalidInputException;
import dev.rapport.platform.ProgressBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.rapport.platform.CommandOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rapport.jar import FILE --type customers|contacts|leads [--mode create|update|skip]
 * [--match-on email|phone|creditCode|externalId] [--as user@example.com]}: imports a file in the
 * foreground with a progress bar (by position in the file, so the file is read only once) and exits
 * non-zero when the file cannot be read or the import fails.
 * Acts as the given user, or as the first administrator.
 */
@Component
@Profile("cli")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final ImportManagement imports;
    private final UserManagement users;
    private int exitCode;

    ImportCommand(ImportManagement imports, UserManagement users) {
        this.imports = imports;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.get(0).equals("import")) {
            return;
        }
        if (words.size() < 2) {
            fail("usage: import FILE --type customers|contacts|leads [--mode create|update|skip] [--match-on KEY] [--as EMAIL]");
            return;
        }
        Path file = Path.of(words.get(1));
        if (!Files.isReadable(file)) {
            fail("cannot read " + file);
            return;
        }
        CurrentUser user = actingUser(option(args, "as"));
        if (user == null) {
            fail("no such active user; pass --as with the e-mail of an active user");
            return;
        }
        try {
            ProgressBar[] bar = {null};
            ImportJob done = imports.importFile(user, file, option(args, "type"), option(args, "mode"), option(args, "match-on"), j -> {
                if (bar[0] == null && j.workTotal() > 0) {
                    bar[0] = new ProgressBar("import", j.workTotal());
                }
                if (bar[0] != null && !j.finished()) {
                    bar[0].step(j.workDone(), j.processed() + " rows");
                }
            });
            if (bar[0] != null) {
                bar[0].finish(done.processed() + " rows");
            }
            System.out.printf("import %d %s: %d rows, %d created, %d updated, %d skipped, %d rejected%n", done.id(), done.status(),
                    done.totalRows(), done.created(), done.updated(), done.skipped(), done.rejected());
            if (ImportJob.FAILED.equals(done.status())) {
                fail(done.message());
            } else if (done.rejected() > 0 || done.skipped() > 0) {
                System.out.println("rejected rows: GET /api/v1/imports/" + done.id() + "/errors.csv; skipped rows: GET /api/v1/imports/"
                        + done.id() + "/skipped");
            }
        } catch (InvalidInputException e) {
            fail(e.errors().stream().map(err -> err.field() + ": " + err.messageKey()).toList().toString());
        }
    }

    private CurrentUser actingUser(String email) {
        if (email != null) {
            return users.load(email).orElse(null);
        }
        return users.all().stream().filter(UserSummary::active).filter(u -> "admin".equals(u.roleKey()))
                .min(java.util.Comparator.comparingLong(UserSummary::id))
                .flatMap(u -> users.load(u.email())).orElse(null);
    }

    private static String option(ApplicationArguments args, String name) {
        return CommandOptions.option(args, name, null);
    }

    private void fail(String message) {
        System.err.println(message);
        exitCode = 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
