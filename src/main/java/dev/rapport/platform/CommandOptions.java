package dev.rapport.platform;

import java.util.List;
import org.springframework.boot.ApplicationArguments;

/** Reads options of the jar's commands, written either {@code --name=value} or {@code --name value}. */
public final class CommandOptions {

    private CommandOptions() {
    }

    public static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        if (values != null && !values.isEmpty() && !values.get(0).isEmpty()) {
            return values.get(0);
        }
        String[] raw = args.getSourceArgs();
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i].equals("--" + name)) {
                return raw[i + 1];
            }
        }
        return fallback;
    }
}
