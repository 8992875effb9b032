/**
 * Encryption of uploads (reports, lab files) and firmware manifest signatures. Decryption of
 * downloaded profiles is {@link org.mppfw.api.profile.ProfileCodec}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.crypto;
