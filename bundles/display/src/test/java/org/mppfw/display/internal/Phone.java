package org.mppfw.display.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.display.Screen;
import org.mppfw.api.keypad.Key;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.provisioning.internal.ProvisioningRulesImpl;
import org.mppfw.testing.VirtualClock;

/**
 * A phone for the menu tests: the real parameter store in a scratch data dir, the real rule
 * parser, a clock that moves only when told, and an engine that records what it is asked.
 */
final class Phone {


    /** An engine that records the resyncs and the profile account it is given. */
    static final class Engine implements Provisioning {
        ProvisioningStatus status = new ProvisioningStatus(ProvisioningStatus.State.IDLE, null, null, null, 0);
        int resyncs;
        String accountUser;
        String accountPassword;
        boolean enabled = true;

        @Override
        public ProvisioningStatus status() {
            return status;
        }

        @Override
        public List<ResyncRecord> history() {
            return status.last() == null ? List.of() : List.of(status.last());
        }

        @Override
        public boolean resync() {
            if (enabled) {
                resyncs++;
            }
            return enabled;
        }

        @Override
        public boolean resync(String rule) {
            return resync();
        }

        @Override
        public void profileAccount(String user, char[] password) {
            accountUser = user;
            accountPassword = new String(password);
        }
    }

    final VirtualClock clock = VirtualClock.withoutTimers(Fakes.NOW, Fakes.ZONE, "the menus set no timer");
    final Engine engine = new Engine();
    final ParameterStoreImpl store;
    final DisplayService display;
    final ProvisioningScreens screens;
    final CallScreens calls;
    final Menus menus;

    Phone(Path data, ScreenFile saved) throws IOException {
        store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        display = new DisplayService(clock, Fakes.identity(), saved);
        screens = new ProvisioningScreens(display, clock, store);
        new ProvisioningScreensRestore(screens, engine);
        calls = new CallScreens(display, screens);
        menus = new Menus(display, clock, store, engine, new ProvisioningRulesImpl(), screens, Fakes.identity(),
                calls);
    }

    Phone(Path data) throws IOException {
        this(data, null);
    }

    /** Presses keys by their shell names. */
    Phone press(String... keys) {
        for (String k : keys) {
            menus.keyPressed(Key.parse(k));
        }
        return this;
    }

    /** Types a text with multi-tap, as a person would. */
    Phone type(String text) {
        for (char c : text.toCharArray()) {
            for (Key k : MultiTap.keysFor(c)) {
                menus.keyPressed(k);
            }
        }
        return this;
    }

    Screen screen() {
        return display.current();
    }

    /** The LCD as the shell prints it. */
    String text() {
        return new TextRenderer().render(display.lcd());
    }

    /** Applies a profile, as a resync would (to set user access). */
    void provision(String flatProfile) throws IOException {
        try {
            store.applyProfile(new ByteArrayInputStream(flatProfile.getBytes(StandardCharsets.UTF_8)),
                    ChangeSource.PROFILE);
        } catch (org.mppfw.api.config.ProfileException e) {
            throw new IOException(e);
        }
    }

    static List<String> lines(Screen s) {
        return new ArrayList<>(s.lines());
    }
}
