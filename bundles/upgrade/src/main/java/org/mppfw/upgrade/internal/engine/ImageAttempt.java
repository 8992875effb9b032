package org.mppfw.upgrade.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.api.firmware.FirmwareVersion;
import org.mppfw.api.firmware.UpgradeStatus;
import org.mppfw.api.transport.AccessDomains;
import org.mppfw.api.transport.TransportException;
import org.mppfw.layout.Durable;
import org.mppfw.upgrade.internal.image.LoadsException;
import org.mppfw.upgrade.internal.image.LoadsVerifier;
import org.mppfw.upgrade.internal.image.VerifiedImage;
import org.mppfw.layout.SlotLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one attempt, from URL to outcome: the image kept in the other slot is checked again
 * and swapped in without a download; otherwise the image is downloaded ({@link ImageDownload}),
 * verified whole into a staging dir before anything changes (a bad image is deleted, never
 * resumed), moved into the free slot ({@link SlotInstaller}) and switched to ({@link SetSwitch}).
 */
final class ImageAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(ImageAttempt.class);

    private final Services services;
    private final Firmware firmware;
    private final StatusBoard board;
    private final SetSwitch switcher;
    private final ImageDownload download;
    private final SlotInstaller slots;

    ImageAttempt(Services services, Firmware firmware, StatusBoard board, SetSwitch switcher) {
        this.services = services;
        this.firmware = firmware;
        this.board = board;
        this.switcher = switcher;
        this.download = new ImageDownload(services.transports(), firmware.dataDir());
        this.slots = new SlotInstaller(firmware);
    }

    /** Runs one attempt: download (or the kept slot), verification, install, switch. */
    Outcome run(String url, Instant started, int upgst) {
        try {
            String kept = slots.kept(url);
            if (kept != null) {
                // the image is in the other slot already: checked again, swapped in without a download
                board.publish(board.attempt(UpgradeStatus.Phase.VERIFYING, -1, url, started, upgst));
                new LoadsVerifier(signatures()).verifyInstalled(firmware.sets().slotDir(kept), firmware.trustedKey(),
                        firmware.policy(services.store().get("Downgrade_Rev_Limit")));
                Outcome o = switcher.swapIn(kept);
                return o.plus(", from the image kept in slot " + kept);
            }
            board.publish(board.attempt(UpgradeStatus.Phase.DOWNLOADING, 0, url, started, upgst));
            Path file = download.fetch(url, AccessDomains.parse(services.known(AccessDomains.PARAMETER)),
                    pct -> board.publish(board.attempt(UpgradeStatus.Phase.DOWNLOADING, pct, url, started, upgst)));
            board.publish(board.attempt(UpgradeStatus.Phase.VERIFYING, -1, url, started, upgst));
            Path staging = firmware.dataDir().resolve(SlotLayout.STAGING);
            Durable.deleteTree(staging);
            VerifiedImage v;
            try (InputStream in = Files.newInputStream(file)) {
                v = new LoadsVerifier(signatures()).verify(in, firmware.trustedKey(),
                        firmware.policy(services.store().get("Downgrade_Rev_Limit")), staging);
            } catch (LoadsException e) {
                Files.deleteIfExists(file); // a bad image is not resumed
                throw e;
            }
            Files.deleteIfExists(file);
            FirmwareVersion target = v.manifest().version();
            if (target.compareTo(firmware.running()) == 0) {
                Durable.deleteTree(staging);
                return new Outcome(Outcome.Kind.ALREADY_RUNNING, "firmware " + target.release() + " is already running");
            }
            return switcher.swapIn(slots.install(staging));
        } catch (TransportException e) {
            return Outcome.failed("download of " + url + " failed: " + e.getMessage());
        } catch (LoadsException e) {
            return Outcome.failed("image " + url + " refused: " + e.getMessage());
        } catch (IOException e) {
            return Outcome.failed("upgrade from " + url + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("upgrade from {} failed", url, e);
            return Outcome.failed("upgrade from " + url + " failed: " + e);
        }
    }

    private ManifestSignatures signatures() throws IOException {
        return services.signatures().require(Services.WAIT, IOException::new);
    }

}
