package org.passerelle.people;

import java.util.UUID;

/**
 * Published, synchronously and inside the erasing transaction, when a person is erased: every
 * module removes what it holds about them, so the erasure is whole or does not happen.
 */
public record PersonErased(UUID personId) {}
