package org.mppfw.upgrade.internal.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An image that passed every check.
 *
 * @param manifest       its signed manifest
 * @param keyFingerprint the fingerprint of the key that signed it
 * @param staging        where its manifest, signature and bundles were written, if anywhere
 */
public record VerifiedImage(LoadsManifest manifest, String keyFingerprint, Optional<Path> staging) {
}
