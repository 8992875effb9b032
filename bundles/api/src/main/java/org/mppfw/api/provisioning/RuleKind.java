package org.mppfw.api.provisioning;

/** Which parameter a rule comes from; the kinds differ in what they allow. */
public enum RuleKind {

    /**
     * {@code Profile_Rule}, {@code Profile_Rule_B..D}: options {@code --key --uid --pwd --srv
     * --post --alias}; a URL without a host uses the DHCP option 66 server; {@code gds://} as the
     * whole value starts activation-code onboarding.
     */
    PROFILE,

    /** {@code Upgrade_Rule}: no bracketed options, and the URL must name its server. */
    UPGRADE,

    /** {@code Report_Rule}: options {@code --key --uid --pwd --delta --status}. */
    REPORT
}
