/**
 * Replacing one bundle set by another in the running framework (update, install, uninstall, one
 * refresh) and deciding whether the result is healthy (every bundle active, every Declarative
 * Services component satisfied). Works through the system bundle's context, since a swap may
 * stop the bundle that runs it.
 */
package org.mppfw.upgrade.internal.swap;
