package org.mppfw.api.firmware;

import org.osgi.annotation.versioning.ProviderType;

/** The firmware the phone runs, and its upgrade state. */
@ProviderType
public interface FirmwareService {

    /** The running version. */
    FirmwareVersion running();

    /** A one-line state of the last upgrade attempt ({@code $UPGERR}), empty if none. */
    String lastResult();
}
