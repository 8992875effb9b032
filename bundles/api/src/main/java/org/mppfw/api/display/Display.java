package org.mppfw.api.display;

import org.osgi.annotation.versioning.ProviderType;

/** The LCD. The screen state lives in the model, so a replaced renderer redraws the same screen. */
@ProviderType
public interface Display {

    /** Shows a screen. */
    void show(Screen screen);

    /** The screen shown now. */
    Screen current();

    /** Sets the title bar's network and registration icons (since 1.1). */
    void indicators(Indicators indicators);

    /** The title bar's icons now (since 1.1). */
    Indicators indicators();
}
