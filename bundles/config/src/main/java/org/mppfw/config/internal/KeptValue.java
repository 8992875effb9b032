package org.mppfw.config.internal;

import org.mppfw.api.config.Access;

/**
 * A stored value the running catalog cannot take, kept in the parameter file exactly as it was
 * read so that a firmware whose catalog takes it finds it again. It is neither applied, nor
 * exported, nor shown as a parameter; its value is never displayed nor logged, since the store
 * cannot know whether a name it does not know is a secret.
 *
 * @param name    the stored name
 * @param value   the stored value, as read
 * @param access  the stored user access
 * @param userSet the stored user-set flag
 * @param refused false: the catalog does not know the name; true: it knows the name but
 *                refuses the value (the parameter has its default until written)
 */
record KeptValue(String name, String value, Access access, boolean userSet, boolean refused) {

    /** Why the value is kept, without the value. */
    String reason() {
        return refused ? "value refused by this firmware" : "not in this firmware's catalog";
    }
}
