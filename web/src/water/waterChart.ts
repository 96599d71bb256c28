// The geometry of a point's chlorine chart: oldest reading on the left, the acceptable band shaded.

export interface ChartPoint {
  x: number;
  y: number;
  value: number;
  at: string;
}

/** The readings' chlorine as points in a width × height box, from a scale of 0 to the highest value (at least max). */
export function chlorinePoints(
  readings: ReadonlyArray<{ measuredAt: string; chlorine?: number | null }>,
  width: number,
  height: number,
  max: number,
): ChartPoint[] {
  const measured = readings
    .filter((reading) => reading.chlorine !== null && reading.chlorine !== undefined)
    .map((reading) => ({ at: reading.measuredAt, value: Number(reading.chlorine) }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const top = Math.max(max, ...measured.map((one) => one.value));
  const step = measured.length > 1 ? width / (measured.length - 1) : 0;
  return measured.map((one, index) => ({
    x: measured.length > 1 ? index * step : width / 2,
    y: height - (one.value / top) * height,
    value: one.value,
    at: one.at,
  }));
}

/** The y of a value on the same scale. */
export function yOf(value: number, height: number, top: number): number {
  return height - (value / top) * height;
}
