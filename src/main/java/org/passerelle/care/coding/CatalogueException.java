package org.passerelle.care.coding;

/** A catalogue file that cannot be used: the application does not start with it. */
public class CatalogueException extends IllegalStateException {

    CatalogueException(String message) {
        super(message);
    }
}
