import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { forgetEverything } from '../memory';
import { withCheckCharacter } from '../patientCode';
import { SearchScreen } from '../screens/SearchScreen';
import { click, jsonResponse, mount, settle } from '../test/render';

const CODE = withCheckCharacter('7KQ2M9P');

describe('scanning a card from the search screen', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const stopTrack = vi.fn();
  const getUserMedia = vi.fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>();
  let scanned: string[];

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('fr');
    forgetEverything();
    scanned = [];
    getUserMedia.mockResolvedValue({ getTracks: () => [{ stop: stopTrack }] } as unknown as MediaStream);
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    // The browser's detector sees, one frame after the other, what the test put before the camera.
    vi.stubGlobal(
      'BarcodeDetector',
      class {
        static getSupportedFormats = async () => ['qr_code'];
        detect = async () => {
          const value = scanned.shift();
          return value === undefined ? [] : [{ rawValue: value }];
        };
      },
    );
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    fetchMock.mockReset();
    stopTrack.mockReset();
    getUserMedia.mockReset();
    Reflect.deleteProperty(navigator, 'mediaDevices');
    document.body.innerHTML = '';
  });

  it('opens the back camera, then searches for the code of the card it reads and stops the camera', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    scanned.push(CODE);
    const screen = mount(<SearchScreen />);

    click(screen.byTestId('search-scan'));
    await settle();

    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(`${init?.method} ${url}`).toBe('POST /api/people/search');
    expect(JSON.parse(init?.body as string)).toEqual({ query: `${CODE.slice(0, 4)}-${CODE.slice(4)}`, limit: 50 });
    expect((screen.byTestId('search-input') as HTMLInputElement).value).toBe(`${CODE.slice(0, 4)}-${CODE.slice(4)}`);
    expect(stopTrack).toHaveBeenCalled();
    expect(screen.byTestId('card-scanner')).toBeNull();
    expect(screen.byTestId('search-empty')).not.toBeNull();
  });

  it('says when a QR code is not a card’s, searches nothing and keeps looking', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    scanned.push('https://example.org/menu');
    const screen = mount(<SearchScreen />);

    click(screen.byTestId('search-scan'));
    await settle();

    expect(screen.byTestId('card-scanner-not-a-code')?.textContent).toContain('n’est pas un code de carte Passerelle');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(stopTrack).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    scanned.push(CODE);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(150);
    });
    expect(fetchMock).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50);
    });
    await settle();
    expect(JSON.parse(fetchMock.mock.calls[0]![1]?.body as string).query).toBe(`${CODE.slice(0, 4)}-${CODE.slice(4)}`);
  });

  it('says clearly when the camera is refused', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('Permission denied', 'NotAllowedError'));
    const screen = mount(<SearchScreen />, 'ar');

    click(screen.byTestId('search-scan'));
    await settle();

    expect(screen.byTestId('card-scanner-status')?.textContent).toBe(
      'تم رفض الوصول إلى الكاميرا. اسمح به في إعدادات المتصفح لمسح البطاقات، أو اكتب الرمز.',
    );
  });

  it('says when the device has no camera', async () => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
    const screen = mount(<SearchScreen />, 'en');

    click(screen.byTestId('search-scan'));
    await settle();

    expect(screen.byTestId('card-scanner-status')?.textContent).toContain('No camera is available');
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('stops the camera when the scanner is closed or the screen is left', async () => {
    const screen = mount(<SearchScreen />);
    click(screen.byTestId('search-scan'));
    await settle();
    expect(screen.byTestId('card-scanner-status')?.textContent).toContain('Tenez la carte');

    click(screen.byTestId('card-scanner-close'));
    expect(stopTrack).toHaveBeenCalledTimes(1);

    click(screen.byTestId('search-scan'));
    await settle();
    screen.unmount();
    expect(stopTrack).toHaveBeenCalledTimes(2);
  });
});
