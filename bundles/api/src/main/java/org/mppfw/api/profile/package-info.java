/**
 * Turning the bytes a server sent into a profile document: decryption and decompression.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.profile;
