/**
 * Who the phone is: model, MAC address, serial number, hardware and firmware versions, and its
 * device certificate.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.mppfw.api.device;
