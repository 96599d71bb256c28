// The keys of the encrypted local store. A user's password, stretched by argon2id (hash-wasm), gives
// a key-encryption key that unwraps the device's keys: an AES-GCM data key for every personal field
// and an HMAC key for the keyed hashes the store indexes. The unwrapped keys are non-extractable and
// live in memory only; the store keeps them wrapped. A wrong password fails the unwrap (AES-GCM's
// tag): the wrapped keys are the offline verifier.
import { argon2id } from 'hash-wasm';

/**
 * The argon2id cost: 64 MiB and 3 passes, one lane. Each guess at a copied store costs an attacker
 * that much memory and time; a mid-range phone unlocks in about a second (measured in headless
 * Chromium, docs/security.md).
 */
export const ARGON2ID_COST = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: Bytes;
}

/** Bytes over a plain ArrayBuffer, as WebCrypto takes them. */
type Bytes = Uint8Array<ArrayBuffer>;

/** Bytes sealed with AES-GCM: a fresh 96-bit nonce and the ciphertext with its tag. */
export interface Sealed {
  iv: Bytes;
  data: Bytes;
}

export interface DeviceKeys {
  /** AES-GCM, encrypts and decrypts the personal fields. */
  data: CryptoKey;
  /** HMAC-SHA-256, the keyed hashes of the store's indexes. */
  index: CryptoKey;
}

export interface WrappedKeys {
  data: Sealed;
  index: Sealed;
}

/** The password does not unwrap the keys. */
export class WrongPassword extends Error {
  constructor() {
    super('wrong-password');
    this.name = 'WrongPassword';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function newKdfParams(cost: Omit<KdfParams, 'algorithm' | 'salt'> = ARGON2ID_COST): KdfParams {
  return { algorithm: 'argon2id', ...cost, salt: randomBytes(16) };
}

/** The key-encryption key of a password: non-extractable, for wrapping and unwrapping only. */
export async function deriveKek(password: string, params: KdfParams): Promise<CryptoKey> {
  const stretched = await argon2id({
    password: password.normalize('NFC'),
    salt: params.salt,
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  try {
    return await crypto.subtle.importKey('raw', new Uint8Array(stretched), 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
  } finally {
    stretched.fill(0);
  }
}

const DATA_KEY: AesKeyGenParams = { name: 'AES-GCM', length: 256 };
const INDEX_KEY: HmacKeyGenParams = { name: 'HMAC', hash: 'SHA-256', length: 256 };

/** New device keys, and the same keys wrapped under the key-encryption key for the store. */
export async function newDeviceKeys(kek: CryptoKey): Promise<{ keys: DeviceKeys; wrapped: WrappedKeys }> {
  // extractable only long enough to be wrapped; the keys used afterwards are the unwrapped ones
  const data = await crypto.subtle.generateKey(DATA_KEY, true, ['encrypt', 'decrypt']);
  const index = await crypto.subtle.generateKey(INDEX_KEY, true, ['sign']);
  const wrapped = { data: await wrap(data, kek, 'data'), index: await wrap(index, kek, 'index') };
  return { keys: await unwrapDeviceKeys(kek, wrapped), wrapped };
}

/** The device keys, non-extractable; {@link WrongPassword} when the key-encryption key is not theirs. */
export async function unwrapDeviceKeys(kek: CryptoKey, wrapped: WrappedKeys): Promise<DeviceKeys> {
  try {
    const data = await crypto.subtle.unwrapKey('raw', wrapped.data.data, kek,
      { name: 'AES-GCM', iv: wrapped.data.iv, additionalData: encoder.encode('data') }, DATA_KEY, false,
      ['encrypt', 'decrypt']);
    const index = await crypto.subtle.unwrapKey('raw', wrapped.index.data, kek,
      { name: 'AES-GCM', iv: wrapped.index.iv, additionalData: encoder.encode('index') }, INDEX_KEY, false,
      ['sign']);
    return { data, index };
  } catch {
    throw new WrongPassword();
  }
}

async function wrap(key: CryptoKey, kek: CryptoKey, purpose: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.wrapKey('raw', key, kek, { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) });
  return { iv, data: new Uint8Array(data) };
}

/**
 * Seals a value (as JSON) under the data key, bound to its context (record type, id and field):
 * a sealed field moved to another record or field no longer opens.
 */
export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, encoder.encode(JSON.stringify(value)));
  return { iv, data: new Uint8Array(data) };
}

export async function open<T>(key: CryptoKey, sealed: Sealed, context: string): Promise<T> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(context) }, key, sealed.data);
  return JSON.parse(decoder.decode(plain)) as T;
}

/** A keyed hash (HMAC-SHA-256, base64url) of a value the store indexes, such as a name's phonetic key. */
export async function keyedHash(key: CryptoKey, value: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(value));
  return base64url(new Uint8Array(mac));
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
