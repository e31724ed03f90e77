package dev.rapport.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input that fails validation. Carries one message key (from the message bundles) per field, so
 * the API answers with a problem detail naming each field and the UI shows it next to the input.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    public record FieldError(String field, String messageKey, List<Object> args) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldError(field, messageKey, List.of(args))));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects field errors before anything is written. */
    public static final class Collector {
        private final Map<String, FieldError> errors = new LinkedHashMap<>();

        public Collector reject(String field, String messageKey, Object... args) {
            errors.putIfAbsent(field, new FieldError(field, messageKey, List.of(args)));
            return this;
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public List<FieldError> errors() {
            return List.copyOf(errors.values());
        }

        public void throwIfAny() {
            if (hasErrors()) {
                throw new InvalidInputException(errors());
            }
        }
    }
}
