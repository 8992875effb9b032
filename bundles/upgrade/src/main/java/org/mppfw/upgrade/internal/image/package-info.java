/**
 * The firmware image file ({@code *.loads}): its format, the builder and the verifier.
 *
 * <h2>Layout</h2>
 * A {@code .loads} file is a POSIX ustar archive (readable with {@code tar tvf}) of regular
 * files only, in this order:
 * <ol>
 * <li>{@code manifest.properties}: the manifest, US-ASCII text, one {@code KEY=VALUE} per line,
 * {@code #} comment lines allowed;</li>
 * <li>{@code manifest.sig}: the Ed25519 signature (64 raw bytes) over the manifest's exact bytes,
 * as {@code openssl pkeyutl -sign -rawin} writes it;</li>
 * <li>{@code bundles/<file>.jar}: each bundle the manifest lists, once, in any order;</li>
 * <li>the end-of-archive marker (two zero blocks), and nothing after it.</li>
 * </ol>
 * The manifest's keys:
 * <pre>
 * format=1
 * version=sip88xx.12-0-1MPP0001-1        firmware version in Cisco's format
 * models=CP-8845-3PCC,CP-8865-3PCC       models the image is for
 * min-version=12-0-1MPP0001-1            lowest running version it upgrades from; empty: any
 * bundle.1=FILE BSN VERSION START-LEVEL SIZE SHA-256
 * bundle.2=...                           numbered from 1 without gaps, in install order
 * </pre>
 * {@code FILE} is a plain jar file name (letters, digits, {@code . _ + -}), {@code BSN} and
 * {@code VERSION} are the jar's own {@code Bundle-SymbolicName} (without directives) and
 * {@code Bundle-Version}, {@code SHA-256} is lower-case hex. Unknown, missing or repeated keys
 * make the manifest invalid. A bundle line and the check of a jar against it are the firmware
 * layout's ({@link org.mppfw.layout.SlotManifest}): the launcher reads the same lines when it
 * boots the slot an image was installed in.
 *
 * <h2>Verification</h2>
 * The file is read once, front to back: the signature with the trusted public key first (nothing
 * of the manifest is believed before), then model, minimum version and
 * {@code Downgrade_Rev_Limit}, then each bundle's size, SHA-256, symbolic name and version as it
 * streams by, then that no listed bundle is missing and no other entry is present. Entry names
 * with {@code ..}, an absolute path, a backslash or control characters are refused; bundles are
 * written (when a staging dir is given) only under the file names of the signed manifest. Every
 * refusal is a {@link org.mppfw.upgrade.internal.image.LoadsException} with its
 * {@link org.mppfw.upgrade.internal.image.LoadsException.Reason}, and leaves the staging dir empty.
 */
package org.mppfw.upgrade.internal.image;
