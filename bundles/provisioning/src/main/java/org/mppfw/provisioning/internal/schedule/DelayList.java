package org.mppfw.provisioning.internal.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A delay list of the schedule parameters ({@code Resync_Periodic}, {@code Resync_Error_Retry_Delay},
 * {@code Upgrade_Error_Retry_Delay}): a comma list of items {@code N} or {@code N+R}, in seconds,
 * where {@code N+R} means N plus a random extra of 0 to R seconds. The n-th use takes the n-th
 * item and the last item repeats for ever. An empty list, or a list whose only item is 0, is
 * <em>disabled</em>: no such timer runs (reference: {@code Resync_Periodic} 0 or empty means no
 * periodic resync; {@code Resync_Error_Retry_Delay} 0 means no retry, the MPP reading).
 */
public final class DelayList {

    /** One item: a base delay and a random extra, in seconds. */
    record Item(long base, long random) {
    }

    private final List<Item> items;

    private DelayList(List<Item> items) {
        this.items = List.copyOf(items);
    }

    /**
     * Parses a list as the parameter store keeps it (digits, {@code +} and commas; white space
     * around items is allowed).
     *
     * @throws IllegalArgumentException with a message naming the bad item
     */
    public static DelayList parse(String text) {
        List<Item> items = new ArrayList<>();
        String t = text == null ? "" : text.trim();
        if (!t.isEmpty()) {
            for (String part : t.split(",", -1)) {
                String p = part.trim();
                int plus = p.indexOf('+');
                if (plus < 0) {
                    items.add(new Item(seconds(p, text), 0));
                } else {
                    items.add(new Item(seconds(p.substring(0, plus).trim(), text), seconds(p.substring(plus + 1).trim(), text)));
                }
            }
        }
        if (items.size() == 1 && items.get(0).base() == 0 && items.get(0).random() == 0) {
            items.clear();
        }
        return new DelayList(items);
    }

    private static long seconds(String p, String whole) {
        if (p.isEmpty() || p.length() > 10 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a delay list of seconds (N, N+R, comma list): '" + whole + "'");
        }
        return Long.parseLong(p);
    }

    /** True when no timer of this kind runs. */
    public boolean disabled() {
        return items.isEmpty();
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /**
     * The delay of the use with this index (0 for the first); indexes past the end take the last
     * item.
     *
     * @throws IllegalStateException if the list is disabled
     */
    public Duration delay(int index, RandomGenerator random) {
        if (items.isEmpty()) {
            throw new IllegalStateException("disabled delay list");
        }
        Item item = items.get(Math.min(Math.max(index, 0), items.size() - 1));
        long extra = item.random() == 0 ? 0 : random.nextLong(item.random() + 1);
        return Duration.ofSeconds(item.base() + extra);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Item i : items) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(i.base());
            if (i.random() > 0) {
                b.append('+').append(i.random());
            }
        }
        return b.length() == 0 ? "0" : b.toString();
    }
}
