/**
 * Provisioning: the rules shared by {@code Profile_Rule}, {@code Profile_Rule_B..D},
 * {@code Upgrade_Rule}, {@code Report_Rule} and {@code Resync_Trigger_1/2} (syntax, macro
 * expansion, and the decision a rule yields for a given phone state), and the resync engine as
 * the rest of the phone sees it: its status ("Provisioning Status" on the LCD, the shell and
 * the web pages), a short history of attempts, and explicit resyncs (keypad, shell, web, SIP).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.mppfw.api.provisioning;
