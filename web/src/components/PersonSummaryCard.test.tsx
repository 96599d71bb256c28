import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n';
import { mount } from '../test/render';
import type { PersonSummary } from '../types';
import { PersonSummaryCard } from './PersonSummaryCard';

const ELSEWHERE = '0190f1c2-0000-7000-8000-0000000000b2';

describe('a search result', () => {
  beforeEach(() => applyLanguage('en'));

  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows a person followed only at another site by name, sex, age and the site that saw them last', () => {
    const person: PersonSummary = {
      id: '0190f1c2-0000-7000-8000-0000000000a1',
      chosenName: 'Amina',
      otherNames: [],
      sex: 'FEMALE',
      age: 24,
      lastSeenAt: { id: ELSEWHERE, name: 'Centre de jour Pantin' },
      inScope: false,
    };
    const screen = mount(
      <ul>
        <PersonSummaryCard person={person} />
      </ul>,
      'en',
    );

    expect(screen.byTestId('search-result-outside-scope')?.textContent).toBe(
      'Followed at another site, last seen at Centre de jour Pantin',
    );
    expect(document.querySelector('.patient-code')).toBeNull();
    expect(document.querySelector('.result-facts')?.textContent).toContain('24');
  });
});
