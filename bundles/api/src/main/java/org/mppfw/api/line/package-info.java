/**
 * Line and call state: whether the phone is idle, which gates resyncs and upgrades, and the
 * registration of each extension, and the calls (answered and ended from the keypad).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.mppfw.api.line;
