package org.mppfw.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.device.DeviceIdentity;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.api.discovery.SrvTarget;
import org.mppfw.api.line.LineState;
import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.api.profile.ProfileCodec;
import org.mppfw.api.provisioning.ProvisioningStatus;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.service.ServiceSlot;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.Transports;
import org.mppfw.config.internal.Catalog;
import org.mppfw.config.internal.ParameterStoreImpl;
import org.mppfw.testing.FakeIdentity;
import org.mppfw.testing.MemoryResponse;
import org.mppfw.testing.VirtualClock;

/**
 * Hours of phone life on a virtual clock: the real parameter store and rule language, a server
 * played by an in-memory transport (any status on demand, every request recorded). The same
 * engine against real servers runs in the integration tests.
 */
class ResyncEngineTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Instant T0 = ZonedDateTime.of(2026, 6, 1, 8, 0, 0, 0, ZONE).toInstant();

    @TempDir
    Path data;

    private final VirtualClock clock = new VirtualClock(T0, ZONE);
    private ParameterStoreImpl store;
    private ResyncEngine engine;
    private ProvisioningLogService log;
    private final Transports transports = new Transports();
    private final ServiceSlot<Discovery> discovery = new ServiceSlot<>("discovery");
    private boolean idle = true;

    /** What the server answers, by path: a profile body, or an HTTP status for failures. */
    private final Map<String, Object> server = new HashMap<>();
    /** Hosts that answer otherwise than {@link #server}: null for a host that is down, or a status. */
    private final Map<String, Integer> hosts = new HashMap<>();
    /** When each request arrived, and what it asked. */
    private final List<Instant> times = new ArrayList<>();
    private final List<TransportRequest> requests = new ArrayList<>();
    /** The password each request carried (the engine wipes its copy after the request). */
    private final List<String> passwords = new ArrayList<>();

    private final Transport http = request -> {
        // Restricted_Access_Domains, as every transport checks it (the http and tftp bundles' tests show it on nginx
        // and tftpd-hpa): a host outside it is not contacted
        request.allowedDomains().check(request.uri());
        times.add(clock.now());
        requests.add(request);
        passwords.add(request.credentials().map(c -> new String(c.password())).orElse(null));
        Object answer = hosts.containsKey(request.uri().getHost()) ? hosts.get(request.uri().getHost())
                : server.getOrDefault(request.uri().getPath(), 404);
        if (answer == null) {
            throw new TransportException(ResultClass.C, 0, "connect to " + request.uri().getHost() + ": Connection refused", null);
        }
        if (answer instanceof Integer status) {
            throw new TransportException(status == 404 ? ResultClass.B : ResultClass.C, status, "HTTP " + status, null);
        }
        byte[] body = ((String) answer).getBytes(StandardCharsets.UTF_8);
        return new MemoryResponse(request.uri(), body);
    };

    private final ProfileCodec plain = new ProfileCodec() {
        @Override
        public InputStream decode(InputStream raw, DecodeOptions options) {
            return raw;
        }
    };

    private final DeviceIdentity identity = FakeIdentity.cp8845("000e08012345", "FCH2345ABCD", "1");

    private void set(String name, String value) throws IOException {
        if (store == null) {
            store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        }
        store.set(name, value, ChangeSource.ADMIN);
    }

    /** Boots the engine (power-up) with the parameters set so far. */
    private void boot() throws IOException {
        if (store == null) {
            store = new ParameterStoreImpl(data, Catalog.standard(), ParameterStoreImpl.Options.defaults());
        }
        PhoneMacrosService macros = new PhoneMacrosService(store, identity, clock);
        ProvisioningRulesImpl rules = new ProvisioningRulesImpl();
        log = new ProvisioningLogService(store, clock, rules, macros);
        transports.add(http, Map.of(Transport.SCHEMES, new String[] {"http", "https"}));
        LineState lines = new LineState() {
            @Override
            public boolean allIdle() {
                return idle;
            }
        };
        engine = new ResyncEngine(new ResyncEngine.Services(store, clock, rules, macros, log, transports,
                ServiceSlot.of("profile decoder", plain), discovery, ServiceSlot.of("line state", lines)),
                Runnable::run, new Random(3));
        engine.addListener(macros);
        engine.powerUp();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
            log.close();
        }
    }

    private static String flat(String body) {
        return "<flat-profile>" + body + "</flat-profile>";
    }

    private List<Long> secondsBetweenRequests() {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)).toSeconds());
        }
        return gaps;
    }

    @Test
    void powerUpResyncWithinFortySecondsThenPeriodic() throws IOException {
        set("Profile_Rule", "http://127.0.0.1/$PSN.xml");
        server.put("/8845-3PCC.xml", flat("<GPP_A>applied</GPP_A>"));
        boot();
        assertTrue(times.isEmpty(), "nothing before the random delay");
        clock.advance(Duration.ofSeconds(40));
        assertEquals(1, times.size(), "one resync within Resync_Random_Delay (2 x 20 s)");
        assertTrue(!times.get(0).isAfter(T0.plusSeconds(40)));
        assertEquals("applied", store.get("GPP_A"));
        ResyncRecord r = engine.status().lastAttempt().orElseThrow();
        assertEquals(ResultClass.A, r.result());
        assertEquals("power-up", r.reason());
        assertEquals("Profile_Rule", r.rule());
        assertEquals("http://127.0.0.1:80/8845-3PCC.xml", r.url());
        assertEquals(List.of("GPP_A"), r.changed());
        assertEquals(ProvisioningStatus.State.IDLE, engine.status().state());
        assertEquals("periodic", engine.status().nextReason());
        assertEquals(times.get(0).plusSeconds(3600), engine.status().nextResync());
        clock.advance(Duration.ofHours(5));
        assertEquals(List.of(3600L, 3600L, 3600L, 3600L, 3600L), secondsBetweenRequests());
    }

    @Test
    void resyncAtFollowsThePhonesLocalTimeAcrossBothChangesOfTheClock() throws IOException {
        // the rules a profile gives with Time_Zone GMT+01:00 and start=3/-1/7/2;end=10/-1/7/3;save=1
        clock.setRules(ZoneId.of("Europe/Paris").getRules());
        set("Profile_Rule", "http://127.0.0.1/$PSN.xml");
        set("Resync_At__HHmm_", "0230");
        server.put("/8845-3PCC.xml", flat("<GPP_A>applied</GPP_A>"));
        boot();
        clock.advance(Duration.ofSeconds(40));
        assertEquals(1, times.size(), "the power-up resync");
        clock.advance(Duration.between(clock.now(), Instant.parse("2027-04-01T12:00:00Z")));
        Map<java.time.LocalDate, List<Instant>> byDay = new java.util.TreeMap<>();
        for (Instant t : times.subList(1, times.size())) {
            byDay.computeIfAbsent(clock.local(t).toLocalDate(), k -> new ArrayList<>()).add(t);
        }
        assertEquals(304, byDay.size(), "every day from 2 June 2026 to 1 April 2027");
        byDay.forEach((day, list) -> assertEquals(1, list.size(), "once on " + day + ": " + list));
        // 25 October: 02:30 comes twice, the resync runs at the first (summer time, 00:30 UTC) only
        Instant fallBack = byDay.get(java.time.LocalDate.of(2026, 10, 25)).get(0);
        assertTrue(!fallBack.isBefore(Instant.parse("2026-10-25T00:30:00Z"))
                && !fallBack.isAfter(Instant.parse("2026-10-25T00:40:00Z")), fallBack.toString());
        // 28 March 2027: 02:30 does not exist, it runs as much later, 03:30 summer time (01:30 UTC)
        Instant springForward = byDay.get(java.time.LocalDate.of(2027, 3, 28)).get(0);
        assertTrue(!springForward.isBefore(Instant.parse("2027-03-28T01:30:00Z"))
                && !springForward.isAfter(Instant.parse("2027-03-28T01:40:00Z")), springForward.toString());
        // on an ordinary day it is 02:30-02:40 local time
        Instant ordinary = byDay.get(java.time.LocalDate.of(2026, 12, 1)).get(0);
        assertEquals(2, clock.local(ordinary).getHour());
    }

    @Test
    void errorRetryListThenBackToPeriodicAfterASuccess() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http://127.0.0.1/p.xml");
        server.put("/p.xml", 500);
        boot();
        clock.advance(Duration.ofHours(5));
        // 60 + 120 + ... + 7680 = 15300 s after the first; the next comes 15360 s later
        assertEquals(List.of(60L, 120L, 240L, 480L, 960L, 1920L, 3840L, 7680L), secondsBetweenRequests());
        assertEquals(9, engine.status().failuresInARow());
        ResyncRecord last = engine.status().lastAttempt().orElseThrow();
        assertEquals(ResultClass.C, last.result());
        assertTrue(last.message().contains("HTTP 500"), last.message());
        assertEquals("retry", engine.status().nextReason());
        server.put("/p.xml", flat("<GPP_B>finally</GPP_B>"));
        clock.advance(Duration.ofSeconds(15360));
        assertEquals("finally", store.get("GPP_B"));
        assertEquals(0, engine.status().failuresInARow());
        server.put("/p.xml", 503);
        clock.advance(Duration.ofHours(2));
        // the success, a periodic resync an hour later that fails, then the retry list from its start
        assertEquals(List.of(60L, 120L, 240L, 480L, 960L, 1920L, 3840L, 7680L, 15360L, 3600L, 60L, 120L, 240L, 480L, 960L, 1920L),
                secondsBetweenRequests());
        List<String> reasons = engine.history().stream().map(ResyncRecord::reason).toList();
        assertEquals(List.of("retry", "retry", "retry", "retry", "retry", "retry", "periodic", "retry"), reasons.subList(0, 8));
        assertEquals(ResultClass.A, engine.history().get(7).result());
    }

    @Test
    void fileNotFoundFailsOrPassesAsResyncFailsOnFnfSays() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http://127.0.0.1/missing.xml");
        boot();
        clock.advance(Duration.ZERO);
        assertEquals(ResultClass.B, engine.status().lastAttempt().orElseThrow().result());
        assertEquals("retry", engine.status().nextReason());
        set("Resync_Fails_On_FNF", "No");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(2, times.size());
        assertEquals(ResultClass.A, engine.status().lastAttempt().orElseThrow().result(), "404 counts as success");
        assertEquals("periodic", engine.status().nextReason());
    }

    @Test
    void aFileCanChangeTheRulesThatRunAfterItInTheSamePass() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http://127.0.0.1/bootstrap.xml");
        server.put("/bootstrap.xml", flat("<Profile_Rule_B>http://127.0.0.1/$MA.xml</Profile_Rule_B><GPP_SA>k1</GPP_SA>"));
        server.put("/000e08012345.xml", flat("<GPP_D>per-mac</GPP_D>"));
        boot();
        clock.advance(Duration.ZERO);
        assertEquals(2, requests.size());
        assertEquals("/000e08012345.xml", requests.get(1).uri().getPath());
        assertEquals("per-mac", store.get("GPP_D"));
        ResyncRecord r = engine.history().get(0);
        assertEquals("Profile_Rule_B", r.rule());
        assertEquals(List.of("Profile_Rule_B", "GPP_SA", "GPP_D"), r.changed());
    }

    @Test
    void theFirstFailureEndsTheSequence() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http://127.0.0.1/a.xml");
        set("Profile_Rule_B", "http://127.0.0.1/b.xml");
        set("Profile_Rule_C", "http://127.0.0.1/c.xml");
        server.put("/a.xml", flat("<GPP_A>a</GPP_A>"));
        server.put("/b.xml", "<flat-profile><GPP_B>broken</flat-profile>");
        server.put("/c.xml", flat("<GPP_C>c</GPP_C>"));
        boot();
        clock.advance(Duration.ZERO);
        assertEquals(2, requests.size(), "C is not fetched after B failed");
        ResyncRecord r = engine.history().get(0);
        assertEquals(ResultClass.B, r.result(), "a corrupt profile is class B");
        assertEquals("Profile_Rule_B", r.rule());
        assertTrue(r.message().startsWith("Profile_Rule_B: corrupt profile"), r.message());
        assertEquals("a", store.get("GPP_A"), "A's profile stays applied");
        assertEquals("", store.get("GPP_B"), "nothing of the broken profile");
    }

    @Test
    void conditionsAssignmentsAndOptionsReachTheDownload() throws IOException {
        set("Resync_Random_Delay", "0");
        set("GPP_A", "Provisioned");
        set("GPP_SB", "secret-pw");
        set("Profile_Rule", "(\"$A\" ne \"Provisioned\")? http://127.0.0.1/init.xml"
                + " | ( c = \"seen $MA\" ; )! [--uid phone --pwd $SB --post c] http://127.0.0.1/configs.xml");
        server.put("/configs.xml", flat("<GPP_D>ok</GPP_D>"));
        boot();
        clock.advance(Duration.ZERO);
        assertEquals(1, requests.size());
        TransportRequest r = requests.get(0);
        assertEquals("/configs.xml", r.uri().getPath());
        assertEquals("seen 000e08012345", store.get("GPP_C"), "the assignment ran before the download");
        assertEquals("POST", r.method());
        assertEquals("seen 000e08012345", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("phone", r.credentials().orElseThrow().user());
        assertEquals("secret-pw", passwords.get(0));
        assertTrue(new String(r.credentials().orElseThrow().password()).chars().allMatch(c -> c == 0), "wiped after use");
        assertFalse(engine.history().get(0).toString().contains("secret-pw"));
    }

    @Test
    void triggersHoldBackScheduledResyncsButNotExplicitOnes() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http://127.0.0.1/p.xml");
        set("Resync_Trigger_1", "$PRVTMR ge 7200");
        server.put("/p.xml", flat("<GPP_A>x</GPP_A>"));
        boot();
        clock.advance(Duration.ofMinutes(30));
        assertTrue(times.isEmpty(), "power-up resync held back: $PRVTMR counts from power-up");
        clock.advance(Duration.ofMinutes(90));
        assertEquals(1, times.size(), "once the trigger holds (checked every 60 s)");
        assertTrue(Duration.between(T0, times.get(0)).toSeconds() >= 7200);
        assertTrue(Duration.between(T0, times.get(0)).toSeconds() <= 7260);
        assertTrue(engine.resync());
        assertEquals(2, times.size(), "explicit resyncs ignore the triggers");
        assertEquals("explicit", engine.history().get(0).reason());
    }

    @Test
    void anAttemptSeesPrvtmrAsItStoodAtItsStart() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http://127.0.0.1/a$PRVTMR.xml");
        set("Profile_Rule_B", "http://127.0.0.1/b$PRVTMR.xml");
        for (String path : List.of("/a0.xml", "/b0.xml", "/a500.xml", "/b500.xml")) {
            server.put(path, flat("<GPP_A>" + path + "</GPP_A>"));
        }
        boot();
        clock.advance(Duration.ofSeconds(500));
        assertTrue(engine.resync());
        // the power-up attempt at once, the explicit one 500 s after it: both rules of an attempt
        // see the seconds since the attempt before it
        assertEquals(List.of("/a0.xml", "/b0.xml", "/a500.xml", "/b500.xml"),
                requests.stream().map(r -> r.uri().getPath()).toList());
    }

    @Test
    void aBusyLineDefersTheResyncUntilIdleOrTheForcedDelay() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Forced_Resync_Delay", "1800");
        set("Profile_Rule", "http://127.0.0.1/p.xml");
        server.put("/p.xml", flat("<GPP_A>x</GPP_A>"));
        idle = false;
        boot();
        clock.advance(Duration.ofMinutes(5));
        assertTrue(times.isEmpty());
        assertEquals(ProvisioningStatus.State.WAITING_FOR_IDLE, engine.status().state());
        idle = true;
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, times.size(), "runs once the lines are idle");
        idle = false;
        clock.advance(Duration.ofSeconds(3600 + 1800));
        assertEquals(2, times.size(), "forced after Forced_Resync_Delay");
        assertEquals(3600 + 1800, Duration.between(times.get(0), times.get(1)).toSeconds(), 10);
    }

    @Test
    void provisionEnableNoStopsEverything() throws IOException {
        set("Provision_Enable", "No");
        set("Profile_Rule", "http://127.0.0.1/p.xml");
        boot();
        clock.advance(Duration.ofDays(1));
        assertTrue(times.isEmpty());
        assertEquals(ProvisioningStatus.State.DISABLED, engine.status().state());
        assertFalse(engine.resync());
        assertNull(engine.status().nextResync());
        set("Provision_Enable", "Yes");
        engine.parametersChanged(List.of(), ChangeSource.ADMIN);
        clock.advance(Duration.ofSeconds(40));
        assertEquals(1, times.size(), "enabled again: a resync as at power-up");
        set("Provision_Enable", "No");
        engine.parametersChanged(List.of(), ChangeSource.ADMIN);
        assertEquals(ProvisioningStatus.State.DISABLED, engine.status().state());
        clock.advance(Duration.ofDays(1));
        assertEquals(1, times.size(), "the periodic resync was cancelled");
    }

    @Test
    void anExplicitRuleRunsOnceAndTheScheduleGoesOn() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "");
        boot();
        clock.advance(Duration.ZERO);
        assertEquals("nothing to do", engine.history().get(0).message());
        server.put("/once.xml", flat("<GPP_E>once</GPP_E>"));
        assertTrue(engine.resync("http://127.0.0.1/once.xml"));
        assertEquals("once", store.get("GPP_E"));
        assertEquals("request", engine.history().get(0).rule());
        assertEquals("periodic", engine.status().nextReason());
    }

    @Test
    void badRulesAndMissingServersAreClassC() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "/$PSN.xml");
        boot();
        clock.advance(Duration.ZERO);
        ResyncRecord r = engine.history().get(0);
        assertEquals(ResultClass.C, r.result());
        assertTrue(r.message().contains("no server in the rule"), r.message());
        assertTrue(r.message().endsWith(": set a full URL (param:set Profile_Rule http://server/$PSN.xml) or turn "
                + "discovery on (mppfw.discovery.mode=dhcp)"), r.message());
        set("Profile_Rule", "(1 lt)? http://127.0.0.1/x | http://127.0.0.1/y");
        clock.advance(Duration.ofSeconds(60));
        r = engine.history().get(0);
        assertEquals(ResultClass.C, r.result());
        assertTrue(r.message().startsWith("Profile_Rule: column "), r.message());
    }

    @Test
    void logMessagesGoToTheSyslogServerExpanded() throws Exception {
        try (DatagramSocket syslog = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            syslog.setSoTimeout(5000);
            set("Resync_Random_Delay", "0");
            set("Syslog_Server", "127.0.0.1:" + syslog.getLocalPort());
            set("Profile_Rule", "http://127.0.0.1/$MA.xml");
            server.put("/000e08012345.xml", 404);
            boot();
            clock.advance(Duration.ZERO);
            assertTrue(receive(syslog).endsWith(
                    "mppfw: CP-8845-3PCC 00:0e:08:01:23:45 -- Requesting resync http://127.0.0.1:80/000e08012345.xml"));
            String failure = receive(syslog);
            assertTrue(failure.startsWith("<133>"), failure);
            assertTrue(failure.endsWith("mppfw: CP-8845-3PCC 00:0e:08:01:23:45 -- Resync failed: Profile_Rule: HTTP 404"),
                    failure);
        }
    }

    @Test
    void shellCommandsShowStatusHistoryAndMaskedRules() throws Exception {
        set("Resync_Random_Delay", "0");
        set("GPP_SA", "top-secret");
        set("Profile_Rule", "[--key $SA --uid u --pwd \"pw 1\"] http://127.0.0.1/p.cfg");
        set("Profile_Rule_B", "http://127.0.0.1/b.xml");
        server.put("/p.cfg", flat("<GPP_A>x</GPP_A>"));
        boot();
        EngineCommands shell = new EngineCommands(engine, store, clock);
        assertTrue(shell.status().contains("Last resync:    none yet"), shell.status());
        clock.advance(Duration.ZERO);
        String status = shell.status();
        assertTrue(status.contains("State:          idle"), status);
        assertTrue(status.contains("Result:         failed (class B)"), status);
        assertTrue(status.contains("Rule:           Profile_Rule_B http://127.0.0.1:80/b.xml"), status);
        assertTrue(status.contains("Next resync:    2026-06-01T08:01:00 (retry)"), status);
        String rules = shell.rules();
        assertTrue(rules.contains("Profile_Rule    [--key ***** --uid u --pwd *****] http://127.0.0.1/p.cfg"), rules);
        assertTrue(rules.contains("Profile_Rule_C  (empty)"), rules);
        assertFalse(rules.contains("pw 1") || rules.contains("top-secret"));
        server.put("/b.xml", flat("<GPP_B>y</GPP_B>"));
        String ok = shell.resync();
        assertTrue(ok.startsWith("resync succeeded\n  Profile_Rule http://127.0.0.1:80/p.cfg: A, aes-256-cbc, 45 bytes: applied: "), ok);
        assertTrue(ok.contains("\n  Profile_Rule_B http://127.0.0.1:80/b.xml: A, plain, 45 bytes: applied: 1 changed"), ok);
        assertTrue(ok.endsWith("changed: GPP_B"), ok);
        server.put("/b.xml", 403);
        CommandException e = org.junit.jupiter.api.Assertions.assertThrows(CommandException.class, shell::resync);
        assertEquals("resync failed (class C): Profile_Rule_B: HTTP 403", e.getMessage().lines().findFirst().orElseThrow());
        assertTrue(e.getMessage().endsWith("  Profile_Rule_B http://127.0.0.1:80/b.xml: class C: HTTP 403"), e.getMessage());
        String history = shell.history();
        assertEquals(3, history.lines().count(), history);
        assertTrue(history.lines().findFirst().orElseThrow().contains("explicit  C  http://127.0.0.1:80/b.xml"), history);
        assertFalse(history.contains("top-secret"));
    }

    private static String receive(DatagramSocket s) throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        return new String(buf, 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /**
     * What discovery found, as the engine sees it. A stand-in written for these tests: the
     * discovery bundle's own tests get the same answers from dnsmasq, Kea and unbound.
     */
    private static final class FoundServers implements Discovery {
        final List<ProvisioningSource> sources = new ArrayList<>();
        final List<SrvTarget> srv = new ArrayList<>();
        final List<String> srvAsked = new ArrayList<>();
        String domain;
        boolean enabled = true;

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public List<ProvisioningSource> sources() {
            return sources;
        }

        @Override
        public Optional<String> domain() {
            return Optional.ofNullable(domain);
        }

        @Override
        public Optional<String> acsUrl() {
            return Optional.empty();
        }

        @Override
        public List<SrvTarget> lookupSrv(String d) {
            srvAsked.add(d);
            return srv.stream().filter(t -> t.domain().equals(d)).toList();
        }

        @Override
        public String status() {
            return "test";
        }
    }

    private List<String> requestedUrls() {
        return requests.stream().map(r -> r.uri().toString()).toList();
    }

    @Test
    void hostLessRuleTriesDhcpSourcesInOrderAndMovesOnOnlyWhenNoServerAnswers() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http:///cfg/$PSN.xml");
        FoundServers found = new FoundServers();
        found.sources.add(new ProvisioningSource(66, "down.example.test"));
        found.sources.add(new ProvisioningSource(160, "https://p160.example.test/open/$MA.xml"));
        found.sources.add(new ProvisioningSource(150, "10.0.0.3"));
        hosts.put("down.example.test", null);
        server.put("/open/000e08012345.xml", flat("<GPP_A>from 160</GPP_A>"));
        boot();
        discovery.set(found);
        clock.advance(Duration.ZERO);
        assertEquals(List.of("http://down.example.test:80/cfg/8845-3PCC.xml", "https://p160.example.test:443/open/000e08012345.xml"),
                requestedUrls());
        assertEquals("from 160", store.get("GPP_A"));
        assertEquals(ResultClass.A, engine.status().lastAttempt().orElseThrow().result());
    }

    @Test
    void theFactoryRuleWithDiscoveryOffSaysWhatIsMissingAndHowToGiveIt() throws IOException {
        set("Resync_Random_Delay", "0"); // Profile_Rule is the factory /$PSN.xml
        FoundServers off = new FoundServers();
        off.enabled = false;
        boot();
        discovery.set(off);
        clock.advance(Duration.ZERO);
        ResyncRecord r = engine.status().lastAttempt().orElseThrow();
        assertEquals("power-up", r.reason());
        assertEquals(ResultClass.C, r.result(), "recorded as a failure, as before");
        assertEquals("Profile_Rule: no server, and discovery is off: set a full URL (param:set Profile_Rule "
                + "http://server/$PSN.xml) or turn discovery on (mppfw.discovery.mode=dhcp)", r.message());
        assertEquals("retry", engine.status().nextReason());
        assertEquals(List.of(), requestedUrls());
    }

    @Test
    void theFirstServerThatAnswersWinsEvenWithA401() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "/$PSN.xml");
        FoundServers found = new FoundServers();
        found.sources.add(new ProvisioningSource(66, "auth.example.test:8080"));
        found.sources.add(new ProvisioningSource(150, "10.0.0.3"));
        hosts.put("auth.example.test", 401);
        boot();
        transports.add(http, Map.of(Transport.SCHEMES, new String[] {"tftp"}));
        discovery.set(found);
        clock.advance(Duration.ZERO);
        assertEquals(List.of("tftp://auth.example.test:8080/8845-3PCC.xml"), requestedUrls());
        ResyncRecord r = engine.status().lastAttempt().orElseThrow();
        assertEquals(ResultClass.C, r.result());
        assertTrue(r.message().contains("401"), r.message());
    }

    @Test
    void withoutDhcpSourcesTheSrvTargetsOfTheDhcpDomainAreTried() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "/$PSN.xml");
        FoundServers found = new FoundServers();
        found.domain = "example.test";
        found.srv.add(new SrvTarget("https", "prov2.example.test", 18444, 10, 40, "example.test"));
        found.srv.add(new SrvTarget("https", "prov1.example.test", 18443, 10, 60, "example.test"));
        found.srv.add(new SrvTarget("http", "px1.example.test", 18080, 10, 50, "example.test"));
        hosts.put("prov2.example.test", null);
        server.put("/8845-3PCC.xml", flat("<GPP_B>by srv</GPP_B>"));
        boot();
        discovery.set(found);
        clock.advance(Duration.ZERO);
        assertEquals(List.of("example.test"), found.srvAsked);
        assertEquals(List.of("https://prov2.example.test:18444/8845-3PCC.xml", "https://prov1.example.test:18443/8845-3PCC.xml"),
                requestedUrls());
        assertEquals("by srv", store.get("GPP_B"));
        // the certificate of an SRV target must name the DHCP domain
        assertEquals(List.of("example.test"), requests.stream().map(r -> r.tlsName().orElse("-")).distinct().toList());
    }

    @Test
    void srvRuleUsesTheTargetsOfItsSchemeAndFailsClearlyWithoutRecords() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "[--srv] http://example.test/$PSN.xml");
        FoundServers found = new FoundServers();
        found.srv.add(new SrvTarget("https", "prov1.example.test", 18443, 10, 60, "example.test"));
        found.srv.add(new SrvTarget("http", "px1.example.test", 18080, 10, 50, "example.test"));
        server.put("/8845-3PCC.xml", flat("<GPP_C>srv rule</GPP_C>"));
        boot();
        discovery.set(found);
        clock.advance(Duration.ZERO);
        assertEquals(List.of("http://px1.example.test:18080/8845-3PCC.xml"), requestedUrls());
        assertEquals(java.util.Optional.empty(), requests.get(0).tlsName(), "no TLS over http");
        assertEquals("srv rule", store.get("GPP_C"));
        set("Profile_Rule", "[--srv] https://nothing.test/$PSN.xml");
        engine.resync();
        ResyncRecord r = engine.history().get(0);
        assertEquals(ResultClass.C, r.result());
        assertTrue(r.message().contains("no _ciscoprov-https._tls.nothing.test SRV records"), r.message());
    }

    @Test
    void restrictedAccessDomainsRefuseTheRulesServerAndNothingIsApplied() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Restricted_Access_Domains", "voiceip.com, example.test");
        set("Profile_Rule", "http://prov.example.net/$PSN.xml");
        server.put("/8845-3PCC.xml", flat("<GPP_A>from elsewhere</GPP_A>"));
        boot();
        clock.advance(Duration.ZERO);
        assertEquals(List.of(), requestedUrls(), "not contacted");
        ResyncRecord r = engine.status().lastAttempt().orElseThrow();
        assertEquals(ResultClass.C, r.result());
        assertEquals("Profile_Rule: host prov.example.net is not in Restricted_Access_Domains (voiceip.com, example.test):"
                + " not contacted", r.message());
        assertEquals("", store.get("GPP_A"));
        assertEquals("retry", engine.status().nextReason(), "the error retry applies");
        set("Profile_Rule", "http://prov.example.test/$PSN.xml");
        engine.resync();
        assertEquals("from elsewhere", store.get("GPP_A"));
    }

    @Test
    void restrictedAccessDomainsApplyToTheServersDhcpGives() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Restricted_Access_Domains", "example.test");
        set("Profile_Rule", "http:///cfg/$PSN.xml");
        FoundServers found = new FoundServers();
        found.sources.add(new ProvisioningSource(66, "10.0.0.3"));
        found.sources.add(new ProvisioningSource(160, "http://p160.example.net/cfg/$PSN.xml"));
        server.put("/cfg/8845-3PCC.xml", flat("<GPP_A>from dhcp</GPP_A>"));
        boot();
        discovery.set(found);
        clock.advance(Duration.ZERO);
        assertEquals(List.of(), requestedUrls(), "neither the address of option 66 nor the host of option 160");
        ResyncRecord r = engine.status().lastAttempt().orElseThrow();
        assertEquals(ResultClass.C, r.result());
        assertTrue(r.message().contains("host p160.example.net is not in Restricted_Access_Domains (example.test)"),
                r.message());
        assertEquals("", store.get("GPP_A"));
        found.sources.add(new ProvisioningSource(150, "tftp.example.test"));
        engine.resync();
        assertEquals(List.of("http://tftp.example.test:80/cfg/8845-3PCC.xml"), requestedUrls());
        assertEquals("from dhcp", store.get("GPP_A"));
    }

    @Test
    void restrictedAccessDomainsApplyToSrvTargets() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Restricted_Access_Domains", "example.test");
        set("Profile_Rule", "[--srv] https://example.test/$PSN.xml");
        FoundServers found = new FoundServers();
        found.srv.add(new SrvTarget("https", "prov.example.net", 18443, 10, 60, "example.test"));
        found.srv.add(new SrvTarget("https", "prov2.example.test", 18444, 20, 60, "example.test"));
        server.put("/8845-3PCC.xml", flat("<GPP_B>by srv</GPP_B>"));
        boot();
        discovery.set(found);
        clock.advance(Duration.ZERO);
        // the target outside the list is not contacted: the next one is tried, as after a server that does not answer
        assertEquals(List.of("https://prov2.example.test:18444/8845-3PCC.xml"), requestedUrls());
        assertEquals("by srv", store.get("GPP_B"));
        found.srv.remove(1);
        engine.resync();
        ResyncRecord r = engine.history().get(0);
        assertEquals(ResultClass.C, r.result());
        assertTrue(r.message().contains("host prov.example.net is not in Restricted_Access_Domains"), r.message());
    }

    @Test
    void aServerAsking401GetsTheProfileAccountEnteredOnThePhone() throws IOException {
        set("Resync_Random_Delay", "0");
        set("Profile_Rule", "http://127.0.0.1/p.xml");
        server.put("/p.xml", 401);
        boot();
        clock.advance(Duration.ZERO);
        ResyncRecord refused = engine.status().lastAttempt().orElseThrow();
        assertEquals(401, refused.status());
        assertTrue(refused.unauthorized());
        assertNull(passwords.get(0), "no credentials before the account is entered");

        char[] typed = "acc0unt-pw".toCharArray();
        engine.profileAccount("phone", typed);
        java.util.Arrays.fill(typed, '\0'); // the engine keeps its own copy
        server.put("/p.xml", flat("<GPP_A>with account</GPP_A>"));
        assertTrue(engine.resync());
        assertEquals("acc0unt-pw", passwords.get(1));
        assertEquals("phone", requests.get(1).credentials().orElseThrow().user());
        ResyncRecord ok = engine.status().lastAttempt().orElseThrow();
        assertEquals(0, ok.status());
        assertFalse(ok.unauthorized());
        assertEquals("with account", store.get("GPP_A"));

        set("Profile_Rule", "[--uid rule --pwd rule-pw] http://127.0.0.1/p.xml");
        assertTrue(engine.resync());
        assertEquals("rule-pw", passwords.get(2), "--uid/--pwd take precedence over the profile account");
        engine.profileAccount(null, null);
        set("Profile_Rule", "http://127.0.0.1/p.xml");
        assertTrue(engine.resync());
        assertNull(passwords.get(3), "a cleared account sends nothing");
    }
}
