package org.mppfw.webui.internal;

/** Who a web session is logged in as. */
enum Role {
    /** The Admin account: every parameter, every action. */
    ADMIN,
    /** The User account: {@code ua=rw} parameters editable, {@code ua=ro} shown, {@code na} never. */
    USER;

    String label() {
        return this == ADMIN ? "Admin" : "User";
    }
}
