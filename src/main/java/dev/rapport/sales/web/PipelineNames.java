package dev.rapport.sales.web;

import dev.rapport.sales.Pipeline;
import dev.rapport.sales.Stage;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names of the seeded pipeline and stages in the reader's language. They are stored in English
 * (messages.properties {@code pipeline.builtin.<key>}, {@code stage.builtin.<key>}); while a seeded
 * name is unchanged it is shown translated (谈判 in the Chinese UI), once an administrator renames
 * it the chosen name is shown in every language. Exposed to templates as {@code @pipelineNames}.
 */
@Component("pipelineNames")
public class PipelineNames {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final MessageSource messages;

    PipelineNames(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Pipeline p) {
        return shown("pipeline", p.builtinKey(), p.name());
    }

    public String of(Stage s) {
        return s == null ? "" : shown("stage", s.builtinKey(), s.name());
    }

    /** The name of a stage of the pipeline by id (stage history), or "" when it was removed. */
    public String stage(Pipeline p, Long stageId) {
        return stageId == null ? "" : of(p.stage(stageId));
    }

    /** The name of a stage found among these pipelines (lists), or "" when there is no such stage. */
    public String stage(List<Pipeline> pipelines, long stageId) {
        for (Pipeline p : pipelines) {
            Stage s = p.stage(stageId);
            if (s != null) {
                return of(s);
            }
        }
        return "";
    }

    /**
     * The name to store when a seeded pipeline or stage is saved with {@code name}: a translation
     * of the seeded name is stored as the English original, so saving a form unchanged in Chinese
     * is not a rename.
     */
    String toStore(String kind, String builtinKey, String name) {
        if (builtinKey != null && name != null) {
            for (Locale language : LANGUAGES) {
                if (name.trim().equals(builtin(kind, builtinKey, language))) {
                    return builtin(kind, builtinKey, Locale.ENGLISH);
                }
            }
        }
        return name;
    }

    private String shown(String kind, String key, String name) {
        if (key != null && name.equals(builtin(kind, key, Locale.ENGLISH))) {
            return builtin(kind, key, LocaleContextHolder.getLocale());
        }
        return name;
    }

    private String builtin(String kind, String key, Locale locale) {
        return messages.getMessage(kind + ".builtin." + key, null, key, locale);
    }
}
