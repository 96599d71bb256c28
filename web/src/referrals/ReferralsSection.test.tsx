import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { choose, click, jsonResponse, mount, settle } from '../test/render';
import { ReferralsSection } from './ReferralsSection';
import { ToFollowScreen } from './ToFollowScreen';

const PERSON = '0190f1c2-0000-7000-8000-000000000061';
const REFERRAL = {
  id: '0190f1c2-0000-7000-8000-000000000062',
  personId: PERSON,
  siteId: '0190f1c2-0000-7000-8000-000000000063',
  serviceId: '0190f1c2-0000-7000-8000-000000000064',
  serviceName: 'PASS Calais',
  serviceKind: 'PASS',
  reason: 'Wound to be seen by a doctor',
  urgency: 'SOON',
  consent: 'PERSON',
  status: 'SENT',
  sentOn: '2026-11-20',
  followBy: '2026-11-27',
  overdue: true,
  version: 1,
  steps: [{ status: 'SENT', occurredOn: '2026-11-20', recordedAt: '2026-11-20T09:00:00Z', recordedBy: 'Nour' }],
  accompaniments: [],
};

describe('referrals', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:letter', revokeObjectURL: () => {} }));
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('prints the letter with the summary in the person’s language, and offers only the steps that follow', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse([REFERRAL]))
      .mockResolvedValueOnce(new Response(new Blob(['%PDF-1.7']), { status: 200, headers: { 'Content-Type': 'application/pdf' } }));
    const screen = mount(<ReferralsSection personId={PERSON} languages={['ps', 'ar']} />, 'en');
    await settle();

    expect((screen.byTestId('letter-language') as HTMLSelectElement).value).toBe('ar');
    const offered = [...(screen.byTestId('referral-next') as HTMLSelectElement).options].map((option) => option.value);
    expect(offered).toEqual(['', 'ACCEPTED', 'ATTENDED', 'REFUSED', 'LOST']);
    click(screen.byTestId('referral-letter'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe(`/api/referrals/${REFERRAL.id}/letter`);
    expect(JSON.parse(String(init?.body))).toEqual({ language: 'ar' });
  });

  it('records the next step at the version read', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse([REFERRAL]))
      .mockResolvedValueOnce(jsonResponse({ ...REFERRAL, status: 'ATTENDED', version: 2 }))
      .mockResolvedValueOnce(jsonResponse([{ ...REFERRAL, status: 'ATTENDED', version: 2 }]));
    const screen = mount(<ReferralsSection personId={PERSON} languages={[]} />, 'en');
    await settle();

    choose(screen.byTestId('referral-next'), 'ATTENDED');
    click(screen.byTestId('referral-step-save'));
    await settle();

    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe(`/api/referrals/${REFERRAL.id}/steps`);
    expect(JSON.parse(String(init?.body))).toMatchObject({ version: 1, status: 'ATTENDED' });
  });

  it('puts overdue referrals first on the to-follow list, with an alert', async () => {
    const onTime = { ...REFERRAL, id: '0190f1c2-0000-7000-8000-000000000065', overdue: false, followBy: '2026-11-01', personName: 'Karim' };
    fetchMock.mockResolvedValueOnce(jsonResponse([onTime, { ...REFERRAL, personName: 'Amina' }]));
    const screen = mount(<ToFollowScreen />, 'en');
    await settle();

    expect(screen.byTestId('overdue-alert')?.textContent).toContain('1');
    expect(screen.allByTestId('to-follow-item').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Amina'),
      expect.stringContaining('Karim'),
    ]);
  });
});
