/**
 * Line and call state: whether the phone is idle, which gates resyncs and upgrades, and the
 * registration of each extension.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.mppfw.api.line;
