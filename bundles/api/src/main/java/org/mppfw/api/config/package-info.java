/**
 * The parameter store: the phone's parameter catalog, current values, user access, the
 * atomic {@code <flat-profile>} applier and change events.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.mppfw.api.config;
