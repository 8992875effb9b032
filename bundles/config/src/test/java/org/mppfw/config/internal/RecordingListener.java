package org.mppfw.config.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;

/** Remembers every event it gets. */
final class RecordingListener implements ParameterListener {

    record Event(List<ParameterChange> changes, ChangeSource source, Thread thread) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        events.add(new Event(changes, source, Thread.currentThread()));
    }
}
