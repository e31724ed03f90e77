package dev.rapport.platform.web;

import dev.rapport.platform.PageModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.webjars.WebJarVersionLocator;

/**
 * Front-end libraries come from WebJars. Boot would rewrite every link of every page through the
 * resource chain to add the WebJar version to the few script URLs, which cost a classpath lookup
 * per link (half the time of a 50-row list page). Instead the templates get
 * the versioned path once (the {@code htmxSrc} model attribute), and the rewriting filter is
 * switched off.
 */
@Configuration
class WebResourcesConfig {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Puts the versioned script paths on every page's model, e.g. {@code htmxSrc} = /webjars/htmx.org/2.0.4/dist/htmx.min.js. */
    @Component
    static class WebJarPaths implements PageModel {

        private final WebJars webjars;

        WebJarPaths(WebJars webjars) {
            this.webjars = webjars;
        }

        @Override
        public void addTo(Map<String, Object> model) {
            model.put("htmxSrc", webjars.path("htmx.org", "dist/htmx.min.js"));
            // SortableJS, for the pages with drag and drop (the opportunity board)
            model.put("sortableSrc", webjars.path("sortablejs", "Sortable.min.js"));
            // Chart.js, for the pages with charts (the performance review)
            model.put("chartSrc", webjars.path("chart.js", "dist/chart.umd.min.js"));
        }
    }

    @Component
    static class WebJars {

        private final WebJarVersionLocator locator = new WebJarVersionLocator();
        private final Map<String, String> paths = new ConcurrentHashMap<>();

        public String path(String webjar, String file) {
            return paths.computeIfAbsent(webjar + "/" + file, key -> {
                String version = locator.version(webjar);
                return "/webjars/" + webjar + "/" + (version == null ? "" : version + "/") + file;
            });
        }
    }
}
