package org.mppfw.config.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mppfw.api.config.ApplyResult;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ProfileException;

/** Helpers to build stores on a temporary data dir. */
final class TestStores {

    private TestStores() {
    }

    static ParameterStoreImpl open(Path dataDir) throws IOException {
        return new ParameterStoreImpl(dataDir, Catalog.standard(), ParameterStoreImpl.Options.defaults());
    }

    static ParameterStoreImpl open(Path dataDir, boolean emptyResetsToDefault) throws IOException {
        return new ParameterStoreImpl(dataDir, Catalog.standard(),
                new ParameterStoreImpl.Options(emptyResetsToDefault, Runnable::run));
    }

    static ApplyResult apply(ParameterStoreImpl store, String xml) throws IOException, ProfileException {
        return apply(store, xml, ChangeSource.PROFILE);
    }

    static ApplyResult apply(ParameterStoreImpl store, String xml, ChangeSource source)
            throws IOException, ProfileException {
        return store.applyProfile(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), source);
    }

    static String flat(String body) {
        return "<flat-profile>\n" + body + "\n</flat-profile>\n";
    }

    /** The persisted bytes, or an empty array when nothing was ever persisted. */
    static byte[] persisted(ParameterStoreImpl store) throws IOException {
        return Files.exists(store.file()) ? Files.readAllBytes(store.file()) : new byte[0];
    }
}
