package org.mppfw.sip.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.line.LineRegistration;
import org.mppfw.api.power.Power;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.report.Reports;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.testing.Await;
import org.mppfw.testing.FakeIdentity;
import org.mppfw.testing.VirtualClock;

/**
 * A phone's SIP side made of the real parts: the parameter store of the config bundle (in
 * {@code data/params}), a virtual clock for the refresh and retry timers, the lines on a real
 * JAIN-SIP stack. The services a NOTIFY acts through are the test's.
 */
final class TestPhone implements AutoCloseable {

    static final DeviceIdentity ID = FakeIdentity.cp8845("0011223344ab", "FCH1234ABCD", "1.0");

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    final ParameterStoreImpl store;
    final List<LineRegistration> changes = new CopyOnWriteArrayList<>();
    /** Whether the lines were idle at each change of the calls. */
    final List<Boolean> idleAtChange = new CopyOnWriteArrayList<>();
    final Phone phone;
    Provisioning provisioning;
    Power power;
    Reports reports;

    TestPhone(Path data) throws Exception {
        store = new ParameterStoreImpl(data.resolve("params"), Catalog.standard(), ParameterStoreImpl.Options.defaults());
        phone = new Phone(store, clock, new UserAgentName(ID, new ServiceSlot<>("macros"), new ServiceSlot<>("rules")),
                Runnable::run, new Phone.Services() {
                    @Override
                    public Optional<Provisioning> provisioning() {
                        return Optional.ofNullable(provisioning);
                    }

                    @Override
                    public Optional<Power> power() {
                        return Optional.ofNullable(power);
                    }

                    @Override
                    public Optional<Reports> reports() {
                        return Optional.ofNullable(reports);
                    }
                }, () -> idleAtChange.add(phone().idle()), changes::add);
    }

    Phone phone() {
        return phone;
    }

    /** Line {@code ext} with a registrar on 127.0.0.1:{@code proxyPort}. */
    void line(int ext, int proxyPort, String user, String password, int sipPort, String transport) throws Exception {
        store.setAll(Map.of("Proxy_" + ext + "_", "127.0.0.1:" + proxyPort, "User_ID_" + ext + "_", user,
                "Password_" + ext + "_", password, "SIP_Port_" + ext + "_", Integer.toString(sipPort),
                "SIP_Transport_" + ext + "_", transport), ChangeSource.ADMIN);
    }

    void set(String name, String value) throws Exception {
        store.set(name, value, ChangeSource.ADMIN);
    }

    /** The registration of {@code ext} now. */
    LineRegistration registration(int ext) {
        return phone.registrations().stream().filter(r -> r.extension() == ext).findFirst().orElse(null);
    }

    /** Waits until {@code ext} is in {@code status}. */
    void await(int ext, LineRegistration.Status status) {
        Await.until("ext " + ext + " " + status + " (now " + registration(ext) + ")", () -> {
            LineRegistration r = registration(ext);
            return r != null && r.status() == status;
        });
    }

    @Override
    public void close() {
        phone.stop();
    }
}
