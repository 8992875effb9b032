package org.mppfw.report.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.crypto.ContentEncryptor;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.Transports;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.crypto.internal.ece.IkmEncoding;
import org.mppfw.provisioning.internal.PhoneMacrosService;
import org.mppfw.provisioning.internal.ProvisioningRulesImpl;
import org.mppfw.testing.FakeIdentity;
import org.mppfw.testing.VirtualClock;
import org.osgi.framework.BundleContext;

/**
 * A phone made of the real parts a report goes through: the parameter store (in {@code data/params}),
 * the rule evaluator and macros of the provisioning bundle, the TFTP and HTTP transports and the
 * content encryptor, each built as its component runtime would build it with its default configuration.
 */
final class Phone implements AutoCloseable {

    static final DeviceIdentity ID = FakeIdentity.cp8845("0011223344ab", "FCH1234ABCD", "1.0");

    final Path data;
    final VirtualClock clock = new VirtualClock(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    final ParameterStoreImpl store;
    final PhoneMacros macros;
    final Transports transports = new Transports();
    final ContentEncryptor encryptor;
    private final Object http;
    final Upload upload;
    final Baseline baseline;
    final Reporter reporter;

    Phone(Path data) throws Exception {
        this.data = data;
        store = new ParameterStoreImpl(data.resolve("params"), Catalog.standard(), ParameterStoreImpl.Options.defaults());
        macros = new PhoneMacrosService(store, ID, clock);
        transports.add(new org.mppfw.tftp.internal.TftpTransport(defaults(org.mppfw.tftp.internal.TftpConfig.class),
                data.resolve("spool")), Map.of(Transport.SCHEMES, "tftp"));
        http = httpTransport(data);
        transports.add((Transport) http, Map.of(Transport.SCHEMES, "http,https"));
        Constructor<?> c = Class.forName("org.mppfw.crypto.internal.ContentCodec")
                .getDeclaredConstructor(IkmEncoding.class, long.class);
        c.setAccessible(true);
        encryptor = (ContentEncryptor) c.newInstance(IkmEncoding.UTF8, 0L);
        upload = new Upload(transports, encryptor, store);
        baseline = new Baseline(data.resolve("report/baseline.properties"));
        reporter = new Reporter(new Reporter.Services(store, new ProvisioningRulesImpl(), macros::now, upload, baseline,
                hash -> new StatusReport.Inputs(ID, clock.local(clock.now()), "127.0.0.1", null, null, hash, "")));
    }

    ParameterStore store() {
        return store;
    }

    void set(String name, String value) throws Exception {
        store.set(name, value, org.mppfw.api.config.ChangeSource.ADMIN);
    }

    /** The HTTP transport with its defaults, reading the phone's parameters and identity. */
    private Object httpTransport(Path dataDir) throws Exception {
        Class<?> type = Class.forName("org.mppfw.http.internal.HttpTransport");
        Class<?> config = Class.forName("org.mppfw.http.internal.HttpTransportConfig");
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> m.getName().equals("getProperty")
                        && DeviceProperties.DATA_DIR.equals(a[0]) ? dataDir.toString() : null);
        Constructor<?> c = type.getConstructor(config, BundleContext.class);
        Object t = c.newInstance(defaults(config), context);
        for (String[] f : List.of(new String[] {"parameters", "store"}, new String[] {"identity", "id"})) {
            Field field = type.getDeclaredField(f[0]);
            field.setAccessible(true);
            field.set(t, f[1].equals("store") ? store : ID);
        }
        return t;
    }

    /** An annotation-typed configuration with every attribute at its default. */
    @SuppressWarnings("unchecked")
    static <T> T defaults(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("annotationType")) {
                return type;
            }
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> type.getSimpleName();
                };
            }
            return m.getDefaultValue();
        });
    }

    @Override
    public void close() throws Exception {
        Method d = http.getClass().getDeclaredMethod("deactivate");
        d.setAccessible(true);
        d.invoke(http);
    }
}
