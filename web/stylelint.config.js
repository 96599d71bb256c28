// Stylelint for src/styles.css: the standard config, tuned to how the file is written.
export default {
  extends: ['stylelint-config-standard'],
  rules: {
    // Rules follow each other without blank lines; sections are marked by comments.
    'rule-empty-line-before': null,
    'comment-empty-line-before': null,
    'declaration-empty-line-before': null,
    'at-rule-empty-line-before': null,
    // Rules are grouped by screen, not by specificity; a later, more general rule sets other properties.
    'no-descending-specificity': null,
    // Some classes carry an API enum value (discipline-mental_health).
    'selector-class-pattern': ['^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$', { message: 'Expected a kebab-case class (enum values may keep _)' }],
    // Phones' Safari still needs its prefix to keep text at the size the page sets.
    'property-no-vendor-prefix': [true, { ignoreProperties: ['-webkit-text-size-adjust'] }],
    // min-width/max-width work on the older phones the teams carry; range syntax needs recent browsers.
    'media-feature-range-notation': 'prefix',
  },
};
