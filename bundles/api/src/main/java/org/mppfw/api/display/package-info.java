/**
 * The phone's LCD: a screen model that any renderer can draw.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.mppfw.api.display;
