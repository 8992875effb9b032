package org.mppfw.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.discovery.Discovery;
import org.mppfw.api.discovery.ProvisioningSource;
import org.mppfw.api.discovery.SrvTarget;
import org.mppfw.config.internal.time.LocalTimeSettings;
import org.mppfw.testing.VirtualClock;

class TimeCommandTest {

    @TempDir
    Path dir;

    @Test
    void showsTheLocalTimeWhereItComesFromAndTheNtpServersOfTheProfile() throws Exception {
        ParameterStoreImpl store = TestStores.open(dir, false);
        VirtualClock clock = new VirtualClock(Instant.parse("2026-12-07T11:00:00Z"), ZoneOffset.UTC);
        LocalTimeSettings factory = LocalTimeSettings.of(store.values());
        clock.setRules(factory.rules());
        TimeCommand cmd = new TimeCommand(clock, store);
        assertEquals("""
                Local time:      2026-12-07 03:00:00 (UTC-08:00)
                Time zone:       GMT-08:00, offset 00/00
                Daylight saving: start=3/-1/7/2;end=10/-1/7/2;save=1
                Next change:     2027-03-28 02:00:00 becomes 2027-03-28 03:00:00 (UTC-07:00)
                NTP servers:     none set (Primary_NTP_Server, Secondary_NTP_Server, DHCP option 42)
                Time source:     the host's clock""", cmd.time());

        // the lease's option 42 when the profile sets none; the profile's first
        cmd.discovery = new Discovery() {
            @Override
            public List<ProvisioningSource> sources() {
                return List.of();
            }

            @Override
            public Optional<String> domain() {
                return Optional.empty();
            }

            @Override
            public Optional<String> acsUrl() {
                return Optional.empty();
            }

            @Override
            public List<String> ntpServers() {
                return List.of("10.0.0.1", "10.0.0.3");
            }

            @Override
            public List<SrvTarget> lookupSrv(String domain) {
                return List.of();
            }

            @Override
            public String status() {
                return "";
            }
        };
        assertEquals(List.of("10.0.0.1", "10.0.0.3 (DHCP option 42)"), cmd.ntpServers());
        TestStores.apply(store, TestStores.flat("<Primary_NTP_Server>ntp1.example.net</Primary_NTP_Server>"
                + "<Secondary_NTP_Server>192.0.2.123</Secondary_NTP_Server>"
                + "<Daylight_Saving_Time_Enable>No</Daylight_Saving_Time_Enable><Time_Zone>GMT</Time_Zone>"));
        clock.setRules(LocalTimeSettings.of(store.values()).rules());
        assertEquals("""
                Local time:      2026-12-07 11:00:00 (UTC)
                Time zone:       GMT, offset 00/00
                Daylight saving: disabled
                Next change:     none
                NTP servers:     ntp1.example.net, 192.0.2.123
                Time source:     the host's clock""", cmd.time());

        // a rule the phone cannot read: shown as refused, the rules in use stay
        TestStores.apply(store, TestStores.flat("<Daylight_Saving_Time_Enable>Yes</Daylight_Saving_Time_Enable>"
                + "<Daylight_Saving_Time_Rule>start=3/-1/0/2;end=10/-1/7/3;save=1</Daylight_Saving_Time_Rule>"));
        assertEquals("""
                Local time:      2026-12-07 11:00:00 (UTC)
                Time zone:       GMT, offset 00/00
                Daylight saving: start=3/-1/0/2;end=10/-1/7/3;save=1
                Refused:         Daylight_Saving_Time_Rule 'start=3/-1/0/2;end=10/-1/7/3;save=1': start=: \
                weekday 0 (the exact date) takes a positive day; the time zone in use stays
                Next change:     none
                NTP servers:     ntp1.example.net, 192.0.2.123
                Time source:     the host's clock""", cmd.time());
    }
}
