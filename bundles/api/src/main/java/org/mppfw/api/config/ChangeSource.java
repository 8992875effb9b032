package org.mppfw.api.config;

/** Who changed a parameter. */
public enum ChangeSource {
    /** A provisioning profile applied by a resync or an import. */
    PROFILE,
    /** The Admin account: shell, admin web pages. */
    ADMIN,
    /** The User account: keypad menus, user web pages; subject to {@link Access}. */
    USER,
    /** A TR-069 ACS. */
    TR069,
    /** The phone itself: assignments of a profile rule, status records. */
    SYSTEM,
    /** A factory reset. */
    FACTORY_RESET
}
