/**
 * Who the phone is: model, MAC address, serial number, hardware and firmware versions, and its
 * device certificate (with the key store its TLS servers present).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.mppfw.api.device;
