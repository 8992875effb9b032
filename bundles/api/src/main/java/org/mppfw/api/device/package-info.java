/**
 * Who the phone is: model, MAC address, serial number, hardware and firmware versions.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.mppfw.api.device;
