package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.StepRequest;

/**
 * A kill -9 at 200 distinct points of a Submit All Changes leaves the old or the new configuration,
 * never a mix. A child JVM ({@link SubmitTarget}) applies one {@code setAll} of many parameters
 * under the Java debugger interface: the test stops it at the entry of {@code setAll}, lets it run
 * exactly K source lines of the phone's code (the store, the parameter file, the durable write), and
 * kills it there with SIGKILL while it is suspended. A first run counts the lines of the whole
 * submit; the 200 values of K are spread over them, so the kills fall in the validation, the
 * serialization, the write of the temporary file, its sync, the rename and after. After each kill
 * the store is opened again as a restart does, and every parameter of the submit holds its old
 * value, or every one its new value.
 */
class SubmitKillTest {

    private static final int POINTS = 200;
    private static final String OLD = "old-value";
    private static final String NEW = "new-value";

    @TempDir
    Path dir;

    @Test
    void aKillAtAnyOfTwoHundredPointsOfASubmitLeavesTheOldOrTheNewSet() throws Exception {
        Path seed = dir.resolve("seed");
        SubmitTarget.open(seed).setAll(SubmitTarget.values(OLD), ChangeSource.ADMIN);

        List<String> trace = new ArrayList<>();
        run(copy(seed, "count"), Integer.MAX_VALUE, trace);
        int lines = trace.size();
        assertTrue(lines >= POINTS, "a submit runs " + lines + " lines of the phone's code");
        List<Integer> points = points(trace);
        assertEquals(POINTS, points.size());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int k : points) {
            outcomes.add(pool.submit(() -> killAt(seed, k, trace)));
        }
        pool.shutdown();
        int olds = 0;
        int news = 0;
        Set<String> where = new LinkedHashSet<>();
        for (Future<String> f : outcomes) {
            String o = f.get();
            where.add(o.substring(4));
            if (o.startsWith("old")) {
                olds++;
            } else {
                news++;
            }
        }
        System.out.println("submit of " + SubmitTarget.NAMES.length + " parameters: " + lines + " lines, killed at "
                + points.size() + " (" + where.size() + " distinct places): " + olds + " old, " + news + " new");
        assertTrue(olds > 0 && news > 0, "kills before and after the commit: " + olds + " old, " + news + " new");
        assertTrue(where.size() >= 50, "the kills fall at many places: " + where);
        assertTrue(where.stream().anyMatch(w -> w.startsWith("org.mppfw.layout.Durable")), "some in the durable write");
    }

    /**
     * The 200 lines to kill at: the first time each line of the submit runs, then others spread
     * over the whole run until there are 200 (or 200 of those first times, spread, with the last).
     */
    private static List<Integer> points(List<String> trace) {
        TreeSet<Integer> firsts = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < trace.size(); i++) {
            if (seen.add(trace.get(i))) {
                firsts.add(i + 1);
            }
        }
        List<Integer> pool = new ArrayList<>();
        TreeSet<Integer> chosen = new TreeSet<>();
        if (firsts.size() >= POINTS) {
            pool.addAll(firsts);
        } else {
            chosen.addAll(firsts);
            for (int k = 1; k <= trace.size(); k++) {
                if (!firsts.contains(k)) {
                    pool.add(k);
                }
            }
        }
        int need = POINTS - chosen.size();
        for (int i = 0; i < need; i++) {
            chosen.add(pool.get((int) ((long) i * (pool.size() - 1) / Math.max(1, need - 1))));
        }
        return new ArrayList<>(chosen);
    }

    /** Kills a child at line K of its submit, restarts the store and says "old " or "new " and where. */
    private String killAt(Path seed, int k, List<String> trace) throws Exception {
        Path data = copy(seed, "k" + k);
        Stop stop = run(data, k, null);
        assertEquals(trace.get(k - 1), stop.location(), "the child's line " + k + " is the counted run's");
        String outcome;
        if (allEqual(data, OLD)) {
            outcome = "old ";
        } else if (allEqual(data, NEW)) {
            outcome = "new ";
        } else {
            throw new AssertionError("a kill at " + stop.location() + " (line " + k + ") left a mix: " + values(data));
        }
        try (Stream<Path> files = Files.list(data.resolve("config"))) {
            assertEquals(List.of(ParameterFile.FILE_NAME), files.map(p -> p.getFileName().toString()).toList(),
                    "after the restart no temporary file is left");
        }
        return outcome + stop.location();
    }

    /** Where a child stopped: the count of lines it ran in setAll and the last one. */
    private record Stop(int steps, String location) {
    }

    /**
     * Runs the child on a data dir to line {@code k} of its submit and kills it there; with
     * {@link Integer#MAX_VALUE}, lets it finish and counts the lines.
     */
    private static Stop run(Path data, int k, List<String> trace) throws Exception {
        LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> args = launcher.defaultArguments();
        args.get("main").setValue(SubmitTarget.class.getName() + " " + data + " " + NEW);
        args.get("options").setValue("-Xshare:auto -XX:TieredStopAtLevel=1 -Xmx64m -cp " + System.getProperty("java.class.path"));
        VirtualMachine vm = launcher.launch(args);
        Process child = vm.process();
        try {
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(SubmitTarget.class.getName());
            prepare.enable();
            int steps = 0;
            String last = "";
            while (true) {
                EventSet set = vm.eventQueue().remove(60_000);
                if (set == null) {
                    fail("the child did not reach line " + k);
                }
                for (Event e : set) {
                    if (e instanceof ClassPrepareEvent cp) {
                        ReferenceType target = cp.referenceType();
                        breakAt(vm, target, "submit");
                        breakAt(vm, target, "submitted");
                    } else if (e instanceof BreakpointEvent bp) {
                        if (bp.location().method().name().equals("submitted")) {
                            return new Stop(steps, last);
                        }
                        if (bp.location().method().name().equals("submit")) {
                            // step into the submit; count only the phone's own lines
                            StepRequest step = vm.eventRequestManager().createStepRequest(bp.thread(),
                                    StepRequest.STEP_LINE, StepRequest.STEP_INTO);
                            step.addClassFilter("org.mppfw.*");
                            step.addClassExclusionFilter(SubmitTarget.class.getName());
                            step.addClassExclusionFilter(TestStores.class.getName());
                            step.setSuspendPolicy(EventRequest.SUSPEND_ALL);
                            if (k != Integer.MAX_VALUE) {
                                step.addCountFilter(k); // the debugger reports the K-th line only
                            }
                            step.enable();
                        }
                    } else if (e instanceof StepEvent se) {
                        steps = k == Integer.MAX_VALUE ? steps + 1 : k;
                        Location l = se.location();
                        // a lambda's class name differs from run to run
                        last = l.declaringType().name().replaceAll("\\$\\$Lambda\\$.*", "\\$\\$Lambda") + "."
                                + l.method().name() + ":" + l.lineNumber();
                        if (trace != null) {
                            trace.add(last);
                        }
                        if (steps == k) {
                            child.destroyForcibly();
                            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");
                            return new Stop(steps, last);
                        }
                    } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                        fail("the child ended before line " + k + " (" + steps + " lines): "
                                + new String(child.getErrorStream().readAllBytes()));
                    }
                }
                set.resume();
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void breakAt(VirtualMachine vm, ReferenceType type, String method) {
        BreakpointRequest r = vm.eventRequestManager()
                .createBreakpointRequest(type.methodsByName(method).get(0).location());
        r.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        r.enable();
    }

    private static boolean allEqual(Path data, String value) throws Exception {
        return values(data).stream().allMatch(value::equals);
    }

    private static List<String> values(Path data) throws Exception {
        ParameterStoreImpl store = SubmitTarget.open(data);
        List<String> v = new ArrayList<>();
        for (String n : SubmitTarget.NAMES) {
            v.add(store.get(n));
        }
        return v;
    }

    private synchronized Path copy(Path from, String name) throws Exception {
        Path to = dir.resolve(name);
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path p : tree.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
