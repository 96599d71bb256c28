package org.passerelle.platform.database;

import org.jspecify.annotations.Nullable;

/** A PostgreSQL user and its password (none with an external server that authenticates otherwise). */
record Credentials(@Nullable String user, @Nullable String password) {

    @Override
    public String toString() {
        return "Credentials[" + user + "]";
    }
}
