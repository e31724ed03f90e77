package dev.rapport.platform.web;

import dev.rapport.platform.TimeZones;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Adds {@code #times} to every template. Thymeleaf's own temporals utility formats instants in
 * the server's zone, which is wrong for a reader in another one; {@code #times} uses the
 * signed-in user's zone. Boot registers every dialect bean with the template engine.
 */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final TimeZones zones;

    TimesDialect(TimeZones zones) {
        super("rapport-times");
        this.zones = zones;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("times");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return new Times(zones.current());
            }

            /** One per template run: the zone does not change while a page renders. */
            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
