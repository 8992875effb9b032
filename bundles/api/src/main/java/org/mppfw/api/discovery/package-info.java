/**
 * Discovery of the provisioning server: what the phone's user contributes to it, such as the
 * activation code typed on the activation-code screen ({@code Profile_Rule} {@code gds://}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.discovery;
