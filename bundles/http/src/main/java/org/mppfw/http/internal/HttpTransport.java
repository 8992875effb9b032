package org.mppfw.http.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.Parameter;
import org.mppfw.api.config.ParameterChange;
import org.mppfw.api.config.ParameterListener;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.device.DeviceCertificate;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.device.DeviceProperties;
import org.mppfw.api.device.ServerKeyStore;
import org.mppfw.api.provisioning.PhoneMacros;
import org.mppfw.api.provisioning.ProvisioningRules;
import org.mppfw.api.transport.Credentials;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.api.transport.Transports;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code http} and {@code https} transport. Reads its parameters from the parameter store and
 * the device identity when they are there (both optional), and keeps the custom CA of
 * {@code Custom_CA_Rule} in the data dir ({@link CustomCa}): the rule is evaluated by the
 * provisioning rule and macro services, and fetched through the phone's transports (this one for
 * http and https, the others, {@code tftp}, by their {@code Transport} services).
 * It holds the device certificate (the PKCS#12 file of its configuration), and says whether
 * there is one ({@code $CCERT}).
 */
@Component(service = {Transport.class, ParameterListener.class, DeviceCertificate.class, HttpTransport.class},
        property = {Transport.SCHEMES + "=http", Transport.SCHEMES + "=https",
            ParameterListener.NAMES + "=" + ParameterNames.CUSTOM_CA_RULE},
        configurationPid = "org.mppfw.http")
@Designate(ocd = HttpTransportConfig.class)
public final class HttpTransport implements Transport, ParameterListener, DeviceCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ParameterStore parameters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceIdentity identity;

    private final HttpTransportConfig config;
    private final Path dataDir;
    private final DeviceIdentity fallbackIdentity;
    private final ScheduledExecutorService timer;
    private final HttpExchanger exchanger;
    private volatile TlsMaterial tls;
    private volatile String tlsKey = "";
    private final CustomCa customCa;
    private final ServerKeys serverKeys;
    private final CustomCa.Phone phone;
    /** The phone's transports by scheme, this one included: the custom CA may come by any of them. */
    private final Transports transports = new Transports();
    private volatile ProvisioningRules rules;
    private volatile PhoneMacros macros;
    private static final String TIMER_THREAD = "mppfw-http-timer";

    @Activate
    public HttpTransport(HttpTransportConfig config, BundleContext context) {
        this.config = config;
        String dir = context.getProperty(DeviceProperties.DATA_DIR);
        this.dataDir = Paths.get(dir == null ? "data" : dir);
        this.fallbackIdentity = new FallbackIdentity(context);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, TIMER_THREAD);
            t.setDaemon(true);
            return t;
        });
        this.exchanger = new HttpExchanger(this::settings, timer);
        this.customCa = new CustomCa(dataDir.resolve(DeviceProperties.STATE_DIR).resolve("http").resolve("custom-ca.pem"));
        this.phone = new Phone();
        this.serverKeys = new ServerKeys(dataDir);
        transports.add(this, Map.of(Transport.SCHEMES, "http,https"));
        timer.execute(this::refreshCustomCa);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRules(ProvisioningRules r) {
        rules = r;
        refreshLater();
    }

    void unbindRules(ProvisioningRules r) {
        if (rules == r) {
            rules = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMacros(PhoneMacros m) {
        macros = m;
        refreshLater();
    }

    void unbindMacros(PhoneMacros m) {
        if (macros == m) {
            macros = null;
        }
    }

    /** The other transports ({@code tftp}): this one serves http and https itself. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(objectClass=org.mppfw.http.internal.HttpTransport))")
    void bindTransport(Transport t, Map<String, Object> properties) {
        transports.add(t, properties);
        refreshLater();
    }

    void unbindTransport(Transport t) {
        transports.remove(t);
    }

    private void refreshLater() {
        if (!stopped) {
            timer.execute(this::refreshCustomCa);
        }
    }

    /** Set when the component stops: transfers cut short then are not failures. */
    private volatile boolean stopped;

    @Deactivate
    void deactivate() {
        stopped = true;
        timer.shutdownNow();
    }

    /** Whether the device certificate file is there now (it is read when a TLS context is built). */
    @Override
    public boolean installed() {
        return tls().hasClientCertificate();
    }

    /** The device certificate's key and chain for the phone's TLS servers, else its self-signed one ({@link ServerKeys}). */
    @Override
    public Optional<ServerKeyStore> serverKeyStore() throws IOException {
        DeviceIdentity id = identity;
        return Optional.of(serverKeys.get(dataDir.resolve(config.client_keystore()),
                config.client_keystore_password().toCharArray(), (id == null ? fallbackIdentity : id).mac()));
    }

    @Override
    public TransportResponse exchange(TransportRequest request) throws TransportException {
        if ("https".equalsIgnoreCase(request.uri().getScheme()) && !Thread.currentThread().getName().equals(TIMER_THREAD)) {
            awaitCustomCa();
        }
        return exchanger.exchange(request);
    }

    /**
     * Makes sure the custom CA is the one {@code Custom_CA_Rule} names now before an HTTPS
     * exchange: a profile that sets the rule and, in the same resync, a rule to an HTTPS server
     * signed by that CA must find it installed. The change event alone comes too late for that.
     */
    private void awaitCustomCa() {
        String rule = param(ParameterNames.CUSTOM_CA_RULE).orElse("").trim();
        if (customCa.current(rule)) {
            return;
        }
        try {
            timer.submit(this::refreshCustomCa).get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("custom CA from Custom_CA_Rule not ready: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For the shell: the outcome with headers whatever the status. */
    HttpExchanger.Outcome attempt(TransportRequest request) {
        return exchanger.attempt(request);
    }

    String customCaStatus() {
        return customCa.status();
    }

    @Override
    public void parametersChanged(List<ParameterChange> changes, ChangeSource source) {
        refreshLater();
    }

    HttpSettings settings() {
        DeviceIdentity id = identity;
        String ua = UserAgent.expand(param(ParameterNames.USER_AGENT).orElse(""), id == null ? fallbackIdentity : id);
        HttpSettings.ProxySettings proxy = null;
        String proxyMode = param(ParameterNames.PROXY_MODE).orElse("");
        Optional<String> proxyHost = param(ParameterNames.PROXY_HOST).filter(h -> !h.isBlank());
        if (proxyHost.isPresent() && !proxyMode.equalsIgnoreCase("Off")) {
            int port = param(ParameterNames.PROXY_PORT).map(HttpTransport::port).orElse(3128);
            proxy = new HttpSettings.ProxySettings(proxyHost.get().trim(), port,
                    credentials(ParameterNames.PROXY_USER, ParameterNames.PROXY_PASSWORD));
        }
        return new HttpSettings(ua, proxy, credentials(ParameterNames.ACCOUNT_USER, ParameterNames.ACCOUNT_PASSWORD),
                tls(), param(ParameterNames.TLS_CIPHER_LIST).orElse(""),
                Duration.ofSeconds(Math.max(1, config.read_timeout_seconds())));
    }

    private static int port(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            return p > 0 && p < 65536 ? p : 3128;
        } catch (NumberFormatException e) {
            return 3128;
        }
    }

    private Credentials credentials(String userName, String passwordName) {
        Optional<String> user = param(userName).filter(u -> !u.isEmpty());
        return user.map(u -> new Credentials(u, param(passwordName).orElse("").toCharArray())).orElse(null);
    }

    private Optional<String> param(String name) {
        ParameterStore p = parameters;
        if (p == null) {
            return Optional.empty();
        }
        try {
            return p.parameter(name).map(Parameter::value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private TlsMaterial tls() {
        Path ca = customCa.file();
        Path ks = dataDir.resolve(config.client_keystore());
        String key = stamp(ca) + "|" + stamp(ks);
        TlsMaterial t = tls;
        if (t == null || !key.equals(tlsKey)) {
            List<X509Certificate> cas = List.of();
            if (Files.isRegularFile(ca)) {
                try {
                    cas = TlsMaterial.parseCaCertificates(Files.readAllBytes(ca));
                } catch (IOException | CertificateException e) {
                    LOG.warn("custom CA file unreadable, ignored: {}", e.getMessage());
                }
            }
            t = new TlsMaterial(cas, config.builtin_roots(), ks, config.client_keystore_password().toCharArray());
            tls = t;
            tlsKey = key;
        }
        return t;
    }

    private static String stamp(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.getLastModifiedTime(p).toMillis() + ":" + Files.size(p) : "-";
        } catch (IOException e) {
            return "?";
        }
    }

    /** Fetches the custom CA named by {@code Custom_CA_Rule} and keeps it in the data dir ({@link CustomCa}). */
    void refreshCustomCa() {
        customCa.refresh(phone, () -> stopped);
    }

    /** What the custom CA's fetch uses of this component. */
    private final class Phone implements CustomCa.Phone {
        @Override
        public String param(String name) {
            return HttpTransport.this.param(name).orElse("");
        }

        @Override
        public Optional<ProvisioningRules> rules() {
            return Optional.ofNullable(rules);
        }

        @Override
        public Optional<PhoneMacros> macros() {
            return Optional.ofNullable(macros);
        }

        @Override
        public Transports transports() {
            return transports;
        }

        @Override
        public void assign(Map<String, String> assignments) throws IOException {
            ParameterStore p = parameters;
            if (assignments.isEmpty()) {
                return;
            }
            if (p == null) {
                throw new IOException("Custom_CA_Rule: assignments need the parameter store");
            }
            p.setAll(assignments, ChangeSource.SYSTEM);
        }
    }

    /** The identity from the launcher's framework properties, until the identity service is there. */
    private static final class FallbackIdentity implements DeviceIdentity {
        private final String model;
        private final String mac;
        private final String firmware;

        FallbackIdentity(BundleContext ctx) {
            this.model = or(ctx.getProperty(DeviceProperties.MODEL), "CP-8845-3PCC");
            this.mac = or(ctx.getProperty(DeviceProperties.MAC), "000000000000").replaceAll("[^0-9A-Fa-f]", "")
                    .toLowerCase(java.util.Locale.ROOT);
            this.firmware = or(ctx.getProperty(DeviceProperties.FIRMWARE_VERSION), "0-0-0MPP0000-0");
        }

        private static String or(String v, String d) {
            return v == null || v.isBlank() ? d : v;
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public String productSeries() {
            return model.startsWith("CP-") ? model.substring(3) : model;
        }

        @Override
        public String mac() {
            return mac;
        }

        @Override
        public String serialNumber() {
            return "";
        }

        @Override
        public String hardwareVersion() {
            return "";
        }

        @Override
        public String firmwareVersion() {
            return firmware;
        }
    }
}
