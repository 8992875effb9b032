package org.mppfw.config.internal;

import org.mppfw.api.config.Access;

/**
 * The stored state of one parameter.
 *
 * @param value   its value, in normal form
 * @param access  its user access
 * @param userSet whether the User account set the value
 */
record Slot(String value, Access access, boolean userSet) {
}
