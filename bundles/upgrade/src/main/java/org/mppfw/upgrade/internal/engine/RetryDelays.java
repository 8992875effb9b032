package org.mppfw.upgrade.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code Upgrade_Error_Retry_Delay}: seconds before a failed upgrade is tried again, as a comma
 * list of {@code N} or {@code N+R} (N plus a random 0..R); the n-th failure in a row takes the n-th
 * item and the last item repeats. 0 means no retry. The same syntax as the resync retry list.
 */
final class RetryDelays {

    private record Item(long base, long random) {
    }

    private final List<Item> items;

    private RetryDelays(List<Item> items) {
        this.items = items;
    }

    /** Parses a list; an unreadable one is the Cisco default, 3600 s. */
    static RetryDelays parse(String text) {
        List<Item> items = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                String t = part.trim();
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    int plus = t.indexOf('+');
                    items.add(plus < 0 ? new Item(Long.parseLong(t), 0)
                            : new Item(Long.parseLong(t.substring(0, plus).trim()),
                                    Long.parseLong(t.substring(plus + 1).trim())));
                } catch (NumberFormatException e) {
                    return new RetryDelays(List.of(new Item(3600, 0)));
                }
            }
        }
        return new RetryDelays(items.isEmpty() ? List.of(new Item(3600, 0)) : items);
    }

    /** The delay after the {@code failures}-th failure in a row (1-based), or null for no retry. */
    Duration after(int failures, RandomGenerator random) {
        Item i = items.get(Math.max(0, Math.min(failures, items.size()) - 1));
        if (i.base() <= 0 && i.random() <= 0) {
            return null;
        }
        long extra = i.random() > 0 ? random.nextLong(i.random() + 1) : 0;
        return Duration.ofSeconds(i.base() + extra);
    }
}
