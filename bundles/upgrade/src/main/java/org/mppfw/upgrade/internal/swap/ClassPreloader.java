package org.mppfw.upgrade.internal.swap;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Loads, without initializing them, every class of a bundle and of the project packages it imports,
 * while its wiring is valid. A swap may replace the bundle that runs it (or the api bundle it imports
 * from); once the framework has refreshed it, its old class loader can load nothing more, and the
 * swap, the check and the commit still have to finish on the old revision's classes.
 */
final class ClassPreloader {

    /** Imported packages whose providers an image may replace: the project's own. */
    private static final String PROJECT = "org.mppfw.";

    private ClassPreloader() {
    }

    /** @return how many classes were loaded */
    static int preload(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return 0;
        }
        int n = load(bundle, wiring.listResources("/", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL));
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            Object pkg = wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            BundleWiring provider = wire.getProviderWiring();
            if (pkg instanceof String p && p.startsWith(PROJECT) && provider != null) {
                n += load(bundle, provider.listResources("/" + p.replace('.', '/'), "*.class",
                        BundleWiring.LISTRESOURCES_LOCAL));
            }
        }
        return n;
    }

    private static int load(Bundle bundle, Collection<String> resources) {
        int n = 0;
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        for (String r : resources) {
            String name = r.substring(0, r.length() - ".class".length()).replace('/', '.');
            if (name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            try {
                Class.forName(name, false, loader);
                n++;
            } catch (ClassNotFoundException | LinkageError e) {
                // not visible from this bundle, or an optional dependency that is absent: not needed
            }
        }
        return n;
    }
}
