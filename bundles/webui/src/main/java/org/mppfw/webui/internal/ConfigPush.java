package org.mppfw.webui.internal;

import java.io.IOException;
import java.io.InputStream;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.config.ProfileException;

/**
 * {@code POST /admin/config.xml}: a {@code <flat-profile>} read exactly as a downloaded profile is
 * (at any depth, {@code ua} attributes, {@code preserve-value}, the last occurrence of a name
 * winning, unknown names ignored, a masked value leaving its parameter as it is), but applied all
 * or nothing through {@link ParameterStore#applyProfileAllOrNothing}: one refused value and
 * nothing changes, neither a value nor an access.
 */
final class ConfigPush {

    /** What a push did: parameters taken (changed or already so) and names ignored. */
    record Outcome(int applied, int ignored) {
    }

    private ConfigPush() {
    }

    /**
     * @throws ProfileException                                if the document is not a profile
     * @throws org.mppfw.api.config.ParameterException naming the refused parameters (nothing changed)
     */
    static Outcome apply(ParameterStore store, InputStream body) throws IOException, ProfileException {
        ApplyResult r = store.applyProfileAllOrNothing(body, ChangeSource.ADMIN);
        return new Outcome(r.changed().size() + r.unchanged(),
                r.unknown().size() + r.otherModels().size() + r.rejected().size() + r.preserved().size());
    }
}
