/**
 * The phone's keys and the events they produce.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.mppfw.api.keypad;
