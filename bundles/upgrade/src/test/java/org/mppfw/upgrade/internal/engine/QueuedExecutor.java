package org.mppfw.upgrade.internal.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * The engine's serial executor in a test: tasks wait in a queue until the test runs them, on its
 * own thread, with {@link #drain}. Nothing runs behind the test's back.
 */
final class QueuedExecutor implements Executor {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the queued tasks, and those they queue, until none is left; returns how many ran. */
    int drain() {
        int n = 0;
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
            }
            if (next == null) {
                return n;
            }
            next.run();
            n++;
        }
    }

    synchronized int queued() {
        return tasks.size();
    }
}
