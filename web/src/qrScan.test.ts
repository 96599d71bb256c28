import QRCode from 'qrcode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withCheckCharacter } from './patientCode';
import { codeInScan, createQrReader, decodeImage } from './qrScan';

const CODE = withCheckCharacter('7K3MQ9T');

/** A QR code as an RGBA picture, black on white, in its quiet zone, 4 pixels a module. */
function picture(text: string): { data: Uint8ClampedArray; width: number } {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'H' }).modules;
  const scale = 4;
  const width = (modules.size + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const offset = (((row + 4) * scale + dy) * width + (col + 4) * scale + dx) * 4;
          data.fill(0, offset, offset + 3);
        }
      }
    }
  }
  return { data, width };
}

describe('reading a card’s QR code', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('decodes the picture of a card’s QR code into its patient code', async () => {
    const { data, width } = picture(CODE);

    const value = await decodeImage(data, width, width);

    expect(value).toBe(CODE);
    expect(codeInScan(value!)).toBe(CODE);
  });

  it('finds no code in a blank picture', async () => {
    expect(await decodeImage(new Uint8ClampedArray(100 * 100 * 4).fill(255), 100, 100)).toBeNull();
  });

  it('takes a code as printed or typed, and nothing else', () => {
    expect(codeInScan(` ${CODE.slice(0, 4).toLowerCase()}-${CODE.slice(4)} `)).toBe(CODE);
    expect(codeInScan('https://example.org/wifi')).toBeNull();
    expect(codeInScan(CODE.slice(0, 7) + (CODE.endsWith('0') ? '1' : '0'))).toBeNull();
  });

  it('uses the browser’s barcode detector where it reads QR codes', async () => {
    const detect = vi.fn(async () => [{ rawValue: CODE }]);
    vi.stubGlobal(
      'BarcodeDetector',
      class {
        static getSupportedFormats = async () => ['qr_code', 'ean_13'];
        constructor(readonly options: { formats: string[] }) {}
        detect = detect;
      },
    );
    const video = document.createElement('video');

    const reader = await createQrReader();

    expect(await reader.read(video)).toBe(CODE);
    expect(detect).toHaveBeenCalledWith(video);
  });
});
