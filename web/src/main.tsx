import { render } from 'preact';
import { App } from './App';
import './styles.css';

render(<App />, document.getElementById('app')!);

// The service worker keeps the app shell so the app opens without network. Browsers only allow
// it on HTTPS or localhost; elsewhere the app still works online.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Not fatal: the app works online without it.
    });
  });
}
