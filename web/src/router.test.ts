import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';

const ID = '0190f1c2-0000-7000-8000-000000000010';

describe('routes', () => {
  it.each([
    ['/', { screen: 'search' }],
    ['/login', { screen: 'login' }],
    ['/sites', { screen: 'sites' }],
    ['/new-person', { screen: 'newPerson' }],
    [`/people/${ID}`, { screen: 'person', personId: ID }],
    [`/people/${ID}/edit`, { screen: 'editPerson', personId: ID }],
    [`/people/${ID}/consultations/new`, { screen: 'newConsultation', personId: ID }],
    [`/people/${ID}/encounters/new`, { screen: 'newEncounter', personId: ID }],
    [`/encounters/${ID}`, { screen: 'encounter', encounterId: ID }],
    ['/group-sessions/new', { screen: 'newGroupSession' }],
    ['/forms', { screen: 'forms' }],
    ['/follow-ups', { screen: 'due' }],
    ['/summary', { screen: 'summary' }],
    ['/admin', { screen: 'admin' }],
    ['/admin/users', { screen: 'admin' }],
    ['/summary/', { screen: 'summary' }],
    ['/account', { screen: 'account' }],
    ['/diagnoses', { screen: 'diagnoses' }],
    ['/stock', { screen: 'stock' }],
    ['/imports', { screen: 'imports' }],
    ['/outreach', { screen: 'outreach' }],
    [`/outreach/sessions/${ID}`, { screen: 'outreachSession', sessionId: ID }],
    ['/map', { screen: 'map' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('only take record ids, never names', () => {
    expect(matchRoute('/people/Mohammed')).toEqual({ screen: 'notFound' });
  });
});
