package org.mppfw.provisioning.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.mppfw.api.provisioning.ResyncRecord;

/** The latest resync attempts, newest first, at most a fixed number (for {@code prov:history}). */
final class ResyncHistory {

    private final int size;
    private final Deque<ResyncRecord> records = new ArrayDeque<>();

    ResyncHistory(int size) {
        this.size = size;
    }

    synchronized void add(ResyncRecord r) {
        records.addFirst(r);
        while (records.size() > size) {
            records.removeLast();
        }
    }

    /** The latest attempt, or null before the first. */
    synchronized ResyncRecord latest() {
        return records.peekFirst();
    }

    synchronized List<ResyncRecord> list() {
        return List.copyOf(records);
    }
}
