// The water API: points, readings, alerts. Every point and reading carries an id made here (UUIDv7),
// so that sending it again records it once.
import { call } from '../api';
import type { components } from '../api/schema';
import type { Uuid } from '../types';

type Schemas = components['schemas'];

export type WaterPoint = Schemas['WaterPoint'];
export type NewWaterPoint = Schemas['NewWaterPoint'];
export type WaterReading = Schemas['WaterReading'];
export type NewWaterReading = Schemas['NewWaterReading'];
export type WaterHistory = Schemas['WaterHistory'];

const id = (value: Uuid) => encodeURIComponent(value);

export const waterApi = {
  points: () => call<WaterPoint[]>('GET', '/api/water/points'),
  addPoint: (point: NewWaterPoint) => call<WaterPoint>('POST', '/api/water/points', point),
  history: (point: Uuid) => call<WaterHistory>('GET', `/api/water/points/${id(point)}/readings`),
  record: (reading: NewWaterReading) => call<WaterReading>('POST', '/api/water/readings', reading),
  alerts: () => call<WaterPoint[]>('GET', '/api/water/alerts'),
};
