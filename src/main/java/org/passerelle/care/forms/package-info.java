/**
 * The form engine: versioned form definitions (sections, fields, codes, rules, labels in each
 * language), the check of a definition before it is saved ({@link org.passerelle.care.forms.FormChecker})
 * and of the answers given with it ({@link org.passerelle.care.forms.AnswerChecker}), the calculated
 * values and the forms that come with Passerelle. See {@code docs/forms.md}.
 */
@NullMarked
package org.passerelle.care.forms;

import org.jspecify.annotations.NullMarked;
