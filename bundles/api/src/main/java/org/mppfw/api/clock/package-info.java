/**
 * Time as a service: every timer of the phone runs on the {@link org.mppfw.api.clock.Clock}
 * so that tests can run hours of phone life in milliseconds.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.mppfw.api.clock;
