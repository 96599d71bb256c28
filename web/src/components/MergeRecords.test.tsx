import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import { MergeRecords } from './MergeRecords';

const KEPT = '0190f1c2-0000-7000-8000-000000000010';
const DUPLICATE = '0190f1c2-0000-7000-8000-000000000011';
const dataOfficer = { ...SESSION, user: { ...SESSION.user, roles: ['DATA_OFFICER' as const] } };

describe('merging a duplicate record', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('finds the duplicate by its code and merges it only once the user confirmed', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse([]))
      .mockResolvedValueOnce(
        jsonResponse([
          {
            id: DUPLICATE,
            patientCode: 'ABCD1234',
            chosenName: 'Muhammad Ali',
            otherNames: [],
            sex: 'MALE',
            registeredSiteId: SESSION.sites[0]!.id,
            inScope: true,
          },
        ]),
      )
      .mockResolvedValueOnce(jsonResponse({ id: 'merge', keptId: KEPT, mergedId: DUPLICATE }, 201));
    const changed = vi.fn();
    const screen = mount(<MergeRecords personId={KEPT} onChanged={changed} />, 'en', dataOfficer);
    await settle();

    typeInto(screen.byTestId('merge-code'), 'ABCD-1234');
    click(screen.byTestId('merge-find'));
    await settle();
    expect(screen.byTestId('merge-candidate')?.textContent).toContain('Muhammad Ali');
    expect((screen.byTestId('merge-submit') as HTMLButtonElement).disabled).toBe(true);

    click(screen.byTestId('merge-confirm'));
    click(screen.byTestId('merge-submit'));
    await settle();

    const [url, init] = fetchMock.mock.calls[2]!;
    expect(url).toBe(`/api/people/${KEPT}/merges`);
    expect(JSON.parse(String(init?.body))).toEqual({ mergedId: DUPLICATE });
    expect(changed).toHaveBeenCalledOnce();
  });

  it('undoes an earlier merge', async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonResponse([{ id: 'm1', keptId: KEPT, mergedId: DUPLICATE, mergedCode: 'ABCD1234', mergedAt: '2026-11-20T10:00:00Z' }]),
      )
      .mockResolvedValueOnce(jsonResponse({ id: 'm1', unmergedAt: '2026-11-23T10:00:00Z' }));
    const changed = vi.fn();
    const screen = mount(<MergeRecords personId={KEPT} onChanged={changed} />, 'en', dataOfficer);
    await settle();

    expect(screen.byTestId('merge-item')?.textContent).toContain('ABCD-1234');
    click(screen.byTestId('merge-undo'));
    await settle();

    expect(fetchMock.mock.calls[1]![0]).toBe('/api/merges/m1/undo');
    expect(changed).toHaveBeenCalledOnce();
  });
});
