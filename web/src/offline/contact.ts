// The device's contact with the server, whenever the server answers: a revoked enrolment is wiped,
// an active one starts a new offline period. Nobody needs to be signed in.
import { api, ApiError, NETWORK_FAILURE } from '../api';
import { contactServer, type ContactResult } from './device';

export const DEVICE_REVOKED = 'device-revoked';

async function contactOne(id: string, token: string): Promise<ContactResult> {
  try {
    const answer = await api.contactDevice(id, token);
    return { status: 'active', offlineAccessDays: answer.offlineAccessDays };
  } catch (error) {
    if (error instanceof ApiError && error.code === DEVICE_REVOKED) return { status: 'revoked' };
    if (error instanceof ApiError && error.status === NETWORK_FAILURE) return { status: 'unreachable' };
    return { status: 'unknown' };
  }
}

/** Contacts the server for every enrolment on this device; how many revoked ones were wiped. */
export function contactForEnrolments(): Promise<number> {
  return contactServer(contactOne, Date.now());
}
