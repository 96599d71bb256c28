// Where the messages of a problem detail go on a form: each field error next to its field
// (by JSON path, e.g. details.otherNames[0].name), the rest at the top.
import { ApiError, NETWORK_FAILURE } from './api';
import { enumKey, type Translate } from './i18n';
import type { FieldProblem, Problem } from './types';

/** Whether a field error's path is this field or inside it (details.birthDate covers details.birthDate.date). */
export function pathCovers(path: string, field: string): boolean {
  return field === path || field.startsWith(path + '.') || field.startsWith(path + '[');
}

export function messagesFor(problem: Problem | null, path: string, exact = false): string[] {
  return (problem?.fieldErrors ?? [])
    .filter((error) => (exact ? error.field === path : pathCovers(path, error.field)))
    .map((error) => error.message);
}

/** The field errors no field on the form shows, so that none is lost. */
export function unplaced(problem: Problem | null, placedPaths: string[]): FieldProblem[] {
  return (problem?.fieldErrors ?? []).filter((error) => !placedPaths.some((path) => pathCovers(path, error.field)));
}

/** Problem codes the client has its own text for, used when the server sent no detail. */
export const PROBLEM_CODES = [
  'invalid-input',
  'bad-credentials',
  'too-many-attempts',
  'invalid-code',
  'second-factor-required',
  'second-factor-enrolment-required',
  'wrong-password',
  'password-too-short',
  'password-too-common',
  'password-contains-username',
  'internal-error',
] as const;

function fallbackDetail(code: string, t: Translate): string {
  return (PROBLEM_CODES as readonly string[]).includes(code) ? t(enumKey('problem', code)) : t('app.unexpectedError');
}

/** Any failure as a problem: the server's, or one for the network or a bug, in the UI language. */
export function toProblem(error: unknown, t: Translate): Problem {
  if (error instanceof ApiError) {
    if (error.status === NETWORK_FAILURE) {
      return { status: 0, code: 'network', detail: t('app.networkError') };
    }
    if (error.status === 403 && !error.problem.detail) {
      return { ...error.problem, detail: t('app.forbidden') };
    }
    return error.problem.detail ? error.problem : { ...error.problem, detail: fallbackDetail(error.problem.code, t) };
  }
  return { status: 500, code: 'client-error', detail: t('app.unexpectedError') };
}

/** A problem made on the device from the form's own checks. */
export function localProblem(fieldErrors: FieldProblem[]): Problem {
  return { status: 400, code: 'invalid-input', fieldErrors };
}
