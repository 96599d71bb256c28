/**
 * Probabilistic record linkage for the people served: name folding and romanisation of Arabic and
 * Ethiopic script, a phonetic key for names transliterated through French or English, blocking keys,
 * comparison vectors with levels per field, Fellegi-Sunter weights estimated by expectation
 * maximisation, match probabilities and an explanation of every score. Plain Java: the engine is
 * generic over the record type, {@link org.passerelle.people.matching.PersonMatching} configures it
 * for persons.
 */
@NullMarked
package org.passerelle.people.matching;

import org.jspecify.annotations.NullMarked;
