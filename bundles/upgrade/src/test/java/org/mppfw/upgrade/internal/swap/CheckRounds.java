package org.mppfw.upgrade.internal.swap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.osgi.framework.BundleContext;

/**
 * The system bundle's context as the health check sees it, counting its rounds: each round of
 * {@link HealthCheck#await} starts by listing the bundles. A test can act at the start of a
 * round (after the previous round found problems and went on waiting), and so tell a problem
 * the check waits out from one that ends it, without looking at a clock.
 */
final class CheckRounds {

    private final AtomicInteger rounds = new AtomicInteger();
    private final BundleContext context;

    /** @param atRound told the number of each round (1, 2, ...) before it looks at anything */
    CheckRounds(BundleContext system, IntConsumer atRound) {
        context = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundles") && method.getParameterCount() == 0) {
                        atRound.accept(rounds.incrementAndGet());
                    }
                    try {
                        return method.invoke(system, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A round after the first one fails the test: for problems that must end the check at once. */
    static CheckRounds once(BundleContext system) {
        return new CheckRounds(system, n -> {
            if (n > 1) {
                throw new AssertionError("the check went on waiting after a fatal problem");
            }
        });
    }

    BundleContext context() {
        return context;
    }

    int rounds() {
        return rounds.get();
    }
}
