/**
 * The command-line entry point the build uses to make signing keys and sign firmware
 * manifests, outside any OSGi framework (needs only this jar, the api jar and bcprov).
 */
package org.mppfw.crypto.internal.cli;
