package org.mppfw.upgrade.internal.image;

/** Why an image was refused; the message is one line for the operator and holds no key material. */
public final class LoadsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Every reason an image is refused. */
    public enum Reason {
        /** The file does not start like a {@code .loads} archive or a header is damaged. */
        NOT_AN_IMAGE,
        /** The file ends before its end-of-archive marker (an interrupted download). */
        TRUNCATED,
        /** The first entry is not {@code manifest.properties}. */
        NO_MANIFEST,
        /** The second entry is not {@code manifest.sig}. */
        UNSIGNED,
        /** The signature does not match the manifest with the trusted key (other key, or edited). */
        BAD_SIGNATURE,
        /** The trusted public key cannot be read. */
        BAD_TRUSTED_KEY,
        /** The signed manifest is not well formed or names an unknown format. */
        BAD_MANIFEST,
        /** The image is not for this phone's model. */
        WRONG_MODEL,
        /** The running version is below the image's minimum version to upgrade from. */
        BELOW_MINIMUM_VERSION,
        /** The image's version is below {@code Downgrade_Rev_Limit}. */
        BELOW_DOWNGRADE_LIMIT,
        /** An entry name is absolute, has {@code ..}, a backslash or a control character. */
        UNSAFE_ENTRY_NAME,
        /** An entry is not a regular file (link, directory, device). */
        UNSUPPORTED_ENTRY,
        /** An entry the manifest does not list. */
        EXTRA_ENTRY,
        /** An entry appears twice. */
        DUPLICATE_ENTRY,
        /** A bundle the manifest lists is not in the archive. */
        MISSING_BUNDLE,
        /** A bundle's size differs from the manifest. */
        SIZE_MISMATCH,
        /** A bundle's SHA-256 differs from the manifest. */
        HASH_MISMATCH,
        /** A bundle's own Bundle-SymbolicName or Bundle-Version differs from the manifest. */
        BUNDLE_MISMATCH,
        /** Reading the image or writing the staging dir failed. */
        IO_ERROR
    }

    private final Reason reason;

    public LoadsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LoadsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + super.getMessage();
    }
}
