// The rights file's rules the form needs before it asks the server: which steps belong to which
// part of the file, when the ages are asked, and the end of validity the server will give a grant.
export const DOMAINS = ['COVERAGE', 'DOMICILIATION', 'AGE_ASSESSMENT', 'CHILD_PROTECTION'] as const;
export type Domain = (typeof DOMAINS)[number];

export const KINDS: Record<Domain, readonly string[]> = {
  COVERAGE: [
    'COVERAGE_NONE',
    'AME_REQUESTED',
    'AME_GRANTED',
    'AME_REFUSED',
    'PUMA_REQUESTED',
    'PUMA_GRANTED',
    'CSS_REQUESTED',
    'CSS_GRANTED',
    'EUROPEAN_CARD',
    'OTHER_COVERAGE',
  ],
  DOMICILIATION: ['DOMICILIATION_REQUESTED', 'DOMICILIATION_GRANTED', 'DOMICILIATION_REFUSED'],
  AGE_ASSESSMENT: ['AGE_ASSESSMENT_REQUESTED', 'MINORITY_RECOGNISED', 'MINORITY_REFUSED', 'APPEAL_JUGE_DES_ENFANTS'],
  CHILD_PROTECTION: ['SHELTERED_BY_ASE', 'PLACEMENT_ORDER', 'TAKEN_INTO_CARE_BY_ASE', 'CHILD_PROTECTION_ENDED'],
};

export const DOCUMENTS = ['PROOF_OF_IDENTITY', 'PROOF_OF_RESIDENCE', 'PROOF_OF_ADDRESS', 'PROOF_OF_RESOURCES'] as const;

/** The part of the file a step belongs to. */
export function domainOf(kind: string): Domain {
  return DOMAINS.find((domain) => KINDS[domain].includes(kind)) ?? 'COVERAGE';
}

/** Declared and assessed ages are asked only with an age assessment step. */
export function takesAges(kind: string): boolean {
  return domainOf(kind) === 'AGE_ASSESSMENT';
}

/** Grants that end (AME, CSS, domiciliation: a year when the worker gives no date). */
export function defaultValidUntil(kind: string, occurredOn: string): string | null {
  if (!['AME_GRANTED', 'CSS_GRANTED', 'DOMICILIATION_GRANTED'].includes(kind) || !occurredOn) return null;
  const [year = 0, month = 1, day = 1] = occurredOn.split('-').map(Number);
  const end = new Date(Date.UTC(year + 1, month - 1, day - 1));
  return end.toISOString().slice(0, 10);
}

export interface StepForm {
  kind: string;
  occurredOn: string;
  validUntil: string;
  declaredAge: string;
  assessedAge: string;
  documents: string[];
  helpedBy: string;
  note: string;
}

/** The step as the API takes it: empty fields left out, ages only for an age assessment. */
export function stepBody(id: string, form: StepForm) {
  const ages = takesAges(form.kind);
  const age = (value: string) => (ages && value.trim() ? Number.parseInt(value, 10) : undefined);
  return {
    id,
    kind: form.kind as never,
    occurredOn: form.occurredOn,
    validUntil: form.validUntil || undefined,
    declaredAge: age(form.declaredAge),
    assessedAge: age(form.assessedAge),
    documents: [...new Set(form.documents)] as never[],
    helpedBy: form.helpedBy.trim() || undefined,
    note: form.note.trim() || undefined,
  };
}
