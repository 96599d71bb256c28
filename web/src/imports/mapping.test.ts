import { describe, expect, it } from 'vitest';
import { assign, columnsFrom, decisionsOf, fieldOf, mapsAName, percentWritten } from './mapping';

describe('the column mapping of an import', () => {
  it('takes the guess of the server and gives each field one column at most', () => {
    const columns = columnsFrom({ Nom: 'FAMILY_NAME', Prénom: 'GIVEN_NAME' });
    expect(columns).toEqual({ FAMILY_NAME: 'Nom', GIVEN_NAME: 'Prénom' });

    const moved = assign(columns, 'Prénom', 'FAMILY_NAME');
    expect(moved).toEqual({ FAMILY_NAME: 'Prénom' });
    expect(fieldOf(moved, 'Nom')).toBe('');
    expect(assign(moved, 'Prénom', '')).toEqual({});
  });

  it('needs a column of name', () => {
    expect(mapsAName({ SEX: 'Sexe' })).toBe(false);
    expect(mapsAName({ SEX: 'Sexe', FULL_NAME: 'Nom complet' })).toBe(true);
  });

  it('sends only the rows linked or left out, in the order of the file', () => {
    expect(
      decisionsOf({
        9: { action: 'SKIP' },
        3: { action: 'LINK', personId: 'p' },
        4: { action: 'NEW' },
      }),
    ).toEqual([
      { line: 3, action: 'LINK', personId: 'p' },
      { line: 9, action: 'SKIP', personId: undefined },
    ]);
  });

  it('says how far a job has written', () => {
    expect(percentWritten(1, 3)).toBe(33);
    expect(percentWritten(0, 0)).toBe(100);
  });
});
