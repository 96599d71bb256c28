/**
 * Encryption of personal data: each person's data key wrapped by the master key ({@link
 * org.passerelle.platform.crypto.SubjectKeys}), sealed boxes, the blind index through which names are
 * found without being stored in clear, and the key files generated when no key is configured.
 */
@NullMarked
package org.passerelle.platform.crypto;

import org.jspecify.annotations.NullMarked;
