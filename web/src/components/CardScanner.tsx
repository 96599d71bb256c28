import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import type { MessageKey } from '../i18n';
import { codeInScan, createQrReader } from '../qrScan';

/** Time between two looks at the camera's picture. */
const SCAN_INTERVAL_MS = 200;

type Status = 'starting' | 'scanning' | 'denied' | 'unavailable';

const MESSAGES: Record<Status, MessageKey> = {
  starting: 'scan.starting',
  scanning: 'scan.hint',
  denied: 'scan.denied',
  unavailable: 'scan.unavailable',
};

/** Why the camera did not open: refused by the user or the browser, or there is none. */
function failure(error: unknown): Status {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable';
}

/**
 * The back camera, looking for the QR code of a patient card. It gives the code it finds, says so
 * when a QR code is not a card's and keeps looking; the camera stops as soon as the scanner closes
 * or the user leaves the screen.
 */
export function CardScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const { t } = useApp();
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<Status>('starting');
  const [notACode, setNotACode] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setStatus('unavailable');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        if (!stopped) setStatus(failure(error));
        return;
      }
      if (stopped || !video.current) {
        stop();
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const reader = await createQrReader();
      setStatus('scanning');
      const look = async () => {
        if (stopped || !video.current) return;
        const value = await reader.read(video.current).catch(() => null);
        if (stopped) return;
        const code = value === null ? null : codeInScan(value);
        if (code) {
          stop();
          onCode(code);
          return;
        }
        if (value !== null) setNotACode(true);
        timer = setTimeout(look, SCAN_INTERVAL_MS);
      };
      look();
    };

    start();
    return stop;
  }, []);

  return (
    <div class="card-scanner" data-testid="card-scanner">
      <h2>{t('scan.title')}</h2>
      <video ref={video} class="card-scanner-video" muted playsInline data-testid="card-scanner-video" />
      <p
        class={status === 'denied' || status === 'unavailable' ? 'form-error' : 'hint'}
        role="status"
        data-testid="card-scanner-status"
      >
        {t(MESSAGES[status])}
      </p>
      {notACode && status === 'scanning' && (
        <p class="form-error" role="alert" data-testid="card-scanner-not-a-code">
          {t('scan.notACode')}
        </p>
      )}
      <button type="button" class="button secondary" onClick={onClose} data-testid="card-scanner-close">
        {t('scan.close')}
      </button>
    </div>
  );
}
