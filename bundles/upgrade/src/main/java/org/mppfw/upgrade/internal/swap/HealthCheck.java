package org.mppfw.upgrade.internal.swap;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mppfw.upgrade.internal.sets.BundleSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Decides whether a bundle set came up: every member installed and active (a fragment resolved),
 * and every enabled Declarative Services component of those bundles satisfied or active. A
 * component whose {@code activate} threw or whose class is missing, or a bundle that cannot
 * resolve, fails at once; a component still waiting for a reference gets until the timeout.
 * <p>
 * Components are read from the Service Component Runtime by reflection on its interface, not
 * through an import of {@code org.osgi.service.component.runtime}: the check runs across a swap
 * that may replace the bundle exporting that package, and classes imported before the swap
 * would then no longer match the runtime's.
 */
public final class HealthCheck {

    private static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final int UNSATISFIED_CONFIGURATION = 1;
    private static final int UNSATISFIED_REFERENCE = 2;
    private static final int SATISFIED = 4;
    private static final int FAILED_ACTIVATION = 16;

    /**
     * The outcome: healthy, or the problems found at the end.
     *
     * @param starting a member bundle was still starting (its activator running) when the time ran
     *                 out: not a failure of the set
     */
    public record Result(boolean healthy, List<String> problems, boolean starting) {

        public String summary() {
            return healthy ? "healthy" : String.join("; ", problems);
        }
    }

    private final BundleContext system;

    public HealthCheck(BundleContext system) {
        this.system = system;
    }

    /** Waits up to {@code timeout} for {@code set} to be healthy. */
    public Result await(BundleSet set, int maxLevel, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Result r;
        while (true) {
            Check c = check(set, maxLevel);
            r = new Result(c.problems.isEmpty(), c.problems, c.starting);
            if (r.healthy() || c.fatal || System.nanoTime() - end >= 0) {
                return r;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private record Check(List<String> problems, boolean fatal, boolean starting) {
    }

    private Check check(BundleSet set, int maxLevel) {
        List<String> problems = new ArrayList<>();
        boolean fatal = false;
        boolean starting = false;
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle b : system.getBundles()) {
            if (b.getSymbolicName() != null) {
                installed.put(b.getSymbolicName(), b);
            }
        }
        List<Bundle> members = new ArrayList<>();
        for (BundleSet.Member m : set.members()) {
            if (m.startLevel() > maxLevel) {
                continue;
            }
            Bundle b = installed.get(m.symbolicName());
            if (b == null) {
                problems.add(m.symbolicName() + " is not installed");
                fatal = true;
                continue;
            }
            members.add(b);
            boolean fragment = b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int state = b.getState();
            if (fragment ? (state & (Bundle.RESOLVED | Bundle.ACTIVE)) == 0 : state != Bundle.ACTIVE) {
                problems.add(m.symbolicName() + " is " + stateName(state)
                        + (state == Bundle.INSTALLED ? " (it does not resolve)" : ""));
                fatal |= state == Bundle.INSTALLED;
                starting |= state == Bundle.STARTING;
            }
        }
        try {
            fatal |= components(members, problems);
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add("the component runtime cannot be asked: " + e);
        }
        return new Check(problems, fatal, starting);
    }

    /** Adds the components that are not satisfied; true if one failed for good. */
    private boolean components(List<Bundle> bundles, List<String> problems) throws ReflectiveOperationException {
        ServiceReference<?> ref = system.getServiceReference(SCR);
        if (ref == null) {
            problems.add("no Service Component Runtime");
            return false;
        }
        Object scr = system.getService(ref);
        if (scr == null) {
            problems.add("no Service Component Runtime");
            return false;
        }
        boolean fatal = false;
        try {
            Class<?> api = interfaceNamed(scr.getClass(), SCR);
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Method configurations = java.util.Arrays.stream(api.getMethods())
                    .filter(m -> m.getName().equals("getComponentConfigurationDTOs")).findFirst()
                    .orElseThrow(() -> new NoSuchMethodException("getComponentConfigurationDTOs"));
            Collection<?> descs = (Collection<?>) descriptions.invoke(scr, (Object) bundles.toArray(new Bundle[0]));
            for (Object d : descs) {
                if (!(Boolean) field(d, "defaultEnabled")) {
                    continue;
                }
                String name = (String) field(d, "name");
                Collection<?> confs = (Collection<?>) configurations.invoke(scr, d);
                if (confs.isEmpty() && !"require".equals(field(d, "configurationPolicy"))) {
                    problems.add("component " + name + " has no configuration");
                }
                for (Object c : confs) {
                    int state = (Integer) field(c, "state");
                    if (state == FAILED_ACTIVATION) {
                        Object failure = optionalField(c, "failure");
                        problems.add("component " + name + " failed to activate"
                                + (failure == null ? "" : ": " + firstLine(failure.toString())));
                        fatal = true;
                    } else if (state == UNSATISFIED_REFERENCE || state == UNSATISFIED_CONFIGURATION) {
                        problems.add("component " + name + " is not satisfied" + unsatisfied(c));
                    } else if (state == SATISFIED && !loadable(d)) {
                        // the runtime cannot enable it, yet reports it satisfied (and says why only in its log)
                        problems.add("component " + name + " cannot load its class " + field(d, "implementationClass"));
                        fatal = true;
                    }
                }
            }
        } finally {
            system.ungetService(ref);
        }
        return fatal;
    }

    /** Whether the class of a component loads from its bundle (true when the bundle is not active). */
    private boolean loadable(Object description) throws ReflectiveOperationException {
        Bundle b = system.getBundle((Long) field(field(description, "bundle"), "id"));
        if (b == null || b.getState() != Bundle.ACTIVE) {
            return true;
        }
        try {
            b.loadClass((String) field(description, "implementationClass"));
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String unsatisfied(Object configuration) throws ReflectiveOperationException {
        Object refs = field(configuration, "unsatisfiedReferences");
        if (refs == null || java.lang.reflect.Array.getLength(refs) == 0) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(refs); i++) {
            names.add(String.valueOf(field(java.lang.reflect.Array.get(refs, i), "name")));
        }
        return " (missing " + String.join(", ", names) + ")";
    }

    private static Class<?> interfaceNamed(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                if (i.getName().equals(name)) {
                    return i;
                }
            }
        }
        throw new IllegalStateException(c.getName() + " does not implement " + name);
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getField(name);
        return f.get(o);
    }

    private static Object optionalField(Object o, String name) {
        try {
            return field(o, name);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).trim();
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
