// @vitest-environment node
// The offline search's latency with 20,000 persons in the device's store, run on demand:
//   PASSERELLE_BENCH=1 npx vitest run src/offline/localSearch.bench.test.ts
// (IndexedDB is fake-indexeddb in Node here: a browser's is of the same order or faster). It also
// prints what the store holds per 1,000 persons.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deriveKek, newDeviceKeys, newKdfParams } from './crypto';
import { deleteRecords, LocalStore } from './store';

const PERSONS = Number(process.env.PASSERELLE_BENCH_PERSONS ?? 20_000);
const QUERIES = 200;

const FIRST = ['Mohamed', 'Ahmed', 'Youssef', 'Ibrahim', 'Abdelkader', 'Omar', 'Khalid', 'Hamid', 'Samir', 'Tesfaye', 'Dawit',
  'Aicha', 'Fatima', 'Mariam', 'Amina', 'Khadija', 'Zainab', 'Hawa', 'Nour', 'Salma', 'Bilal', 'Idris', 'Moussa', 'Oumar',
  'Abdoulaye', 'Mamadou', 'Ali', 'Hassan', 'Hussein', 'Karim', 'Nadia', 'Leila', 'Yasmine', 'Rahim', 'Farid', 'Jamal'];
const LAST = ['Haddad', 'Diallo', 'Traore', 'Bekele', 'Mahamat', 'Nasser', 'Osman', 'Abdi', 'Hussein', 'Barry', 'Camara',
  'Keita', 'Sow', 'Ahmadi', 'Rahimi', 'Karimi', 'Hashimi', 'Yusuf', 'Ismail', 'Suleiman', 'Gebre', 'Tesfay', 'Kebede',
  'Mansour', 'Chebbi', 'Benali', 'Amrani', 'Idrissi', 'Mahjub', 'Najati', 'Khalfan', 'Nazir', 'Sabit', 'Mashur', 'Ayad'];
const RESPELT: Record<string, string> = { Mohamed: 'Muhammad', Youssef: 'Yusuf', Haddad: 'Hadad', Aicha: 'Aisha', Mahjub: 'Mahgoub',
  Najati: 'Nagati', Khalfan: 'Khalvan', Nazir: 'Nadhir', Sabit: 'Thabit', Mashur: 'Mashhour', Osman: 'Othman', Fatima: 'Fatma' };

/** A fixed pseudo-random sequence, so that two runs measure the same registry. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const pick = <T,>(list: T[], next: () => number): T => list[Math.floor(next() * list.length)]!;

describe.runIf(process.env.PASSERELLE_BENCH)('offline search at scale', () => {
  it(`answers a search among ${PERSONS} persons`, async () => {
    const kek = await deriveKek('password', newKdfParams({ memoryKiB: 1024, iterations: 1, parallelism: 1 }));
    const { keys } = await newDeviceKeys(kek);
    const id = crypto.randomUUID();
    await deleteRecords(id);
    const store = new LocalStore(id, keys);
    const next = random(7);
    const names: string[] = [];
    const loadStart = performance.now();
    for (let i = 0; i < PERSONS; i++) {
      const name = `${pick(FIRST, next)} ${pick(FIRST, next)} ${pick(LAST, next)}`;
      names.push(name);
      await store.savePerson({ id: `p${i}`, version: 1, chosenName: name, otherNames: [], sex: next() < 0.5 ? 'FEMALE' : 'MALE',
        birthDate: { precision: 'YEAR', date: '1990-01-01' }, patientCode: 'ABCD-EFG' }, i);
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const timings: number[] = [];
    for (let q = 0; q < QUERIES; q++) {
      const query = pick(names, next).split(' ').map((word) => RESPELT[word] ?? word).filter((_, index) => index !== 1).join(' ');
      const start = performance.now();
      const found = await store.search(query);
      timings.push(performance.now() - start);
      expect(found.length).toBeGreaterThan(0);
    }
    timings.sort((a, b) => a - b);
    const at = (share: number) => timings[Math.min(timings.length - 1, Math.floor(share * timings.length))]!.toFixed(1);
    const bytes = await store.storedBytes();
    console.log(`offline search, ${PERSONS} persons (loaded in ${loadSeconds.toFixed(0)} s): ${QUERIES} searches of two respelt words,`
      + ` p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; store ${(bytes / PERSONS * 1000 / 1024).toFixed(0)} KiB per 1,000 persons`);
    store.close();
  }, 1_800_000);
});
