// Reading the QR code of a patient card from the camera. The card's QR code holds the patient code
// alone (8 characters, see PatientCardQr.java); what a QR code holds counts as a card only when it
// reads as a patient code with its check character.
import { parsePatientCode } from './patientCode';

/** Reads what a QR code in the current frame of a video holds, or null when it sees none. */
export interface QrReader {
  read(video: HTMLVideoElement): Promise<string | null>;
}

/** The part of the Barcode Detection API used here (not in TypeScript's DOM types yet). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** The patient code a scanned QR code holds, or null when it is not a card's. */
export function codeInScan(value: string): string | null {
  return parsePatientCode(value.trim());
}

/**
 * The browser's own detector where it has one for QR codes (Chrome on Android, Safari), else the
 * jsQR decoder on frames drawn into a canvas, loaded only then.
 */
export async function createQrReader(): Promise<QrReader> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector) {
    try {
      if ((await Detector.getSupportedFormats()).includes('qr_code')) {
        const detector = new Detector({ formats: ['qr_code'] });
        return {
          async read(video) {
            const found = await detector.detect(video);
            return found[0]?.rawValue ?? null;
          },
        };
      }
    } catch {
      // A detector that fails to start: fall back to jsQR.
    }
  }
  const canvas = document.createElement('canvas');
  return {
    async read(video) {
      const width = video.videoWidth;
      const height = video.videoHeight;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!width || !height || !context) return null;
      canvas.width = width;
      canvas.height = height;
      context.drawImage(video, 0, 0, width, height);
      return decodeImage(context.getImageData(0, 0, width, height).data, width, height);
    },
  };
}

/** Decodes a QR code in an RGBA image with jsQR: what it holds, or null. */
export async function decodeImage(data: Uint8ClampedArray, width: number, height: number): Promise<string | null> {
  const { default: jsQR } = await import('jsqr');
  return jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
