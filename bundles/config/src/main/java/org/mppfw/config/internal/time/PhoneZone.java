package org.mppfw.config.internal.time;

import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's local-time rules, following the profile: each change of the time parameters is
 * applied at once; a set that is wrong is refused with one clear line and the rules in use stay.
 * Thread-safe.
 */
public final class PhoneZone {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneZone.class);

    private volatile ZoneRules rules;
    private boolean everValid;

    /** Starts with the settings of the values, or with UTC if they are wrong (logged). */
    public PhoneZone(Map<String, String> values) {
        this.rules = ZoneRules.of(ZoneOffset.UTC);
        update(values);
    }

    /** The rules in use. */
    public ZoneRules rules() {
        return rules;
    }

    /**
     * Applies the time parameters of the values.
     *
     * @return false if they are wrong: then the rules in use stay, and the reason is logged
     */
    public synchronized boolean update(Map<String, String> values) {
        LocalTimeSettings s = LocalTimeSettings.of(values);
        try {
            ZoneRules r = s.rules();
            everValid = true;
            rules = r;
            LOG.info("Local time: {} (standard time GMT{}, daylight saving time {})", s.timeZone().strip(),
                    s.standard().getId().replace("Z", ""), s.dstEnable() && !s.dstRule().isBlank()
                            ? "'" + s.dstRule().strip() + "'" : "off");
            return true;
        } catch (IllegalArgumentException e) {
            LOG.error("Local time not changed: {}; the phone keeps {}", e.getMessage(),
                    everValid ? "its previous time zone" : "UTC");
            return false;
        }
    }
}
