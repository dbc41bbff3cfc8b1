package org.tongpao.dashboard.internal;

import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.ServletException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the dashboard at {@code /dashboard} on the node's Jetty through pax-web's HttpService (the same one CXF
 * serves {@code /api} with), so it needs no feature beyond what every install has.
 */
@Component(immediate = true, service = {})
public final class DashboardComponent {
    static final String ALIAS = "/dashboard";
    static final String FOLDER = "dashboard";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardComponent.class);

    private final HttpService http;

    @Activate
    public DashboardComponent(BundleContext context, @Reference HttpService http)
            throws ServletException, NamespaceException {
        this.http = http;
        StaticFiles files = new StaticFiles(entries(context.getBundle()));
        http.registerServlet(ALIAS, new DashboardServlet(files), null, null);
        LOG.info("Dashboard served at {}/ ({} files)", ALIAS, files.size());
    }

    @Deactivate
    void deactivate() {
        try {
            http.unregister(ALIAS);
        } catch (IllegalArgumentException e) {
            LOG.debug("Dashboard was not registered any more", e);
        }
    }

    /** Every file below the bundle's dashboard folder, by its path below it. */
    static Map<String, URL> entries(Bundle bundle) {
        Map<String, URL> entries = new LinkedHashMap<>();
        Enumeration<URL> found = bundle.findEntries(FOLDER, "*", true);
        while (found != null && found.hasMoreElements()) {
            URL url = found.nextElement();
            String path = url.getPath();
            if (!path.endsWith("/")) {
                entries.put(path.substring(path.indexOf(FOLDER + "/") + FOLDER.length() + 1), url);
            }
        }
        return entries;
    }
}
