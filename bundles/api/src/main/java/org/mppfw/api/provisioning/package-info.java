/**
 * Provisioning rules: the syntax shared by {@code Profile_Rule}, {@code Profile_Rule_B..D},
 * {@code Upgrade_Rule}, {@code Report_Rule} and {@code Resync_Trigger_1/2}, macro expansion, and
 * the decision a rule yields for a given phone state (which alternative, which assignments,
 * which options, which URL).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.provisioning;
