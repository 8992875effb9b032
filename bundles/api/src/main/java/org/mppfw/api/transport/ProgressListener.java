package org.mppfw.api.transport;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of a transfer's progress, for the LCD and the shell. */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (bytes, total) -> { };

    /**
     * @param bytes bytes transferred so far
     * @param total the whole size if known, else -1
     */
    void progress(long bytes, long total);
}
