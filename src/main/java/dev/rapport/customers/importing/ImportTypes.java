package dev.rapport.customers.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The record types an import can create: our own customers and contacts, and every
 * {@link ImportedType} another module plugs in. Looked up lazily, so a plugged type may itself use
 * the customers module without a cycle at start-up.
 */
@Component
class ImportTypes {

    /**
     * One importable type: its key ("customers", "leads"), its entity for permissions, its fields,
     * and either the built-in {@link RecordType} or the plugged type.
     */
    record Spec(String key, String entity, List<String> fields, List<MatchKey> matchKeys, RecordType builtIn,
                ImportedType<?> plugged) {

        List<String> guess(List<String> headers, List<dev.rapport.customers.domain.CustomFieldDef> customFields) {
            return builtIn != null ? ColumnMapping.guess(builtIn, headers, customFields)
                    : ColumnMapping.guess(fields, plugged.headers(), headers);
        }
    }

    private final ObjectProvider<ImportedType<?>> plugged;

    ImportTypes(ObjectProvider<ImportedType<?>> plugged) {
        this.plugged = plugged;
    }

    /** The type a form, API call or command names, plural or singular; empty when there is none. */
    Optional<Spec> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        RecordType builtIn = RecordType.parse(text);
        if (builtIn != null) {
            return Optional.of(new Spec(builtIn.key(), builtIn.entity(), builtIn.fields(), MatchFinder.keysFor(builtIn, null),
                    builtIn, null));
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return plugged.orderedStream().filter(p -> p.key().equals(t) || p.entity().equals(t)).findFirst()
                .map(p -> new Spec(p.key(), p.entity(), p.fields(), p.matchKeys(), null, p));
    }

    /** Every type's key, our own first, for the upload form. */
    List<String> keys() {
        List<String> out = new ArrayList<>();
        for (RecordType t : RecordType.values()) {
            out.add(t.key());
        }
        plugged.orderedStream().map(ImportedType::key).forEach(out::add);
        return out;
    }
}
