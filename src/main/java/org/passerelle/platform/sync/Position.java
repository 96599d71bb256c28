package org.passerelle.platform.sync;

/**
 * A place in a record type's changes: the transaction that made a change and its change number.
 * Changes are read in this order, from settled transactions only, so nothing new appears before a
 * position once a pull went past it.
 */
public record Position(long transaction, long change) implements Comparable<Position> {

    /** Before every change. */
    public static final Position START = new Position(0, 0);

    @Override
    public int compareTo(Position other) {
        int byTransaction = Long.compare(transaction, other.transaction);
        return byTransaction != 0 ? byTransaction : Long.compare(change, other.change);
    }
}
