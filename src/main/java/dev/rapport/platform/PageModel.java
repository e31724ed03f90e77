package dev.rapport.platform;

import java.util.Map;

/**
 * What every rendered page's model carries besides its own data: the navigation's badges and
 * links, the script paths. A module contributes it as a bean; it is added after the handler ran,
 * and only when a page (or an htmx fragment) is rendered: never for JSON, redirects or static
 * files, which would pay for it on every call without showing it.
 */
public interface PageModel {

    /** Adds this contributor's attributes; a name the handler already set is kept as the handler set it. */
    void addTo(Map<String, Object> model);
}
