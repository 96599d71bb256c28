import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../appContext';
import { FormError } from '../components/FormError';
import { formatPatientCode } from '../patientCode';
import { toProblem } from '../problems';
import type { DuplicateGroup, DuplicateGroups, Problem } from '../types';
import { Side } from './DuplicatesScreen';

const GROUPS_SHOWN = 5;

/**
 * The groups of three or more records that waiting pairs link together (one person registered
 * three times gives three pairs), each decided at once: the record to keep, the others that are
 * the same person (merged into it) and those who are other people (never proposed again with it).
 */
export function DuplicateGroupsSection({ onDecided }: { onDecided: () => void }) {
  const { t } = useApp();
  const [groups, setGroups] = useState<DuplicateGroups | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = async () => {
    try {
      setGroups(await api.duplicateGroups(GROUPS_SHOWN, 0));
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };
  useEffect(() => {
    load();
  }, []);

  const decided = done && (
    <p class="notice" role="status" data-testid="duplicate-group-decided">
      {done}
    </p>
  );
  if (!groups || groups.total === 0) {
    return (
      <>
        <FormError problem={problem} />
        {decided}
      </>
    );
  }
  return (
    <section data-testid="duplicate-groups">
      <h2>{t('duplicates.groupsTitle', { count: String(groups.total) })}</h2>
      <p class="muted">{t('duplicates.groupExplanation')}</p>
      <FormError problem={problem} />
      {decided}
      <ul class="result-list">
        {groups.groups.map((group) => (
          <Group
            key={group.pairs.map((pair) => pair.id).join()}
            group={group}
            onDone={(message) => {
              setProblem(null);
              setDone(message);
              load();
              onDecided();
            }}
            onProblem={setProblem}
          />
        ))}
      </ul>
    </section>
  );
}

interface GroupProps {
  group: DuplicateGroup;
  onDone: (message: string) => void;
  onProblem: (problem: Problem) => void;
}

function Group({ group, onDone, onProblem }: GroupProps) {
  const { t } = useApp();
  const [kept, setKept] = useState(group.persons[0]?.id ?? '');
  const [same, setSame] = useState<Set<string>>(new Set(group.persons.map((person) => person.id)));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(same);
    if (on) next.add(id);
    else next.delete(id);
    setSame(next);
  };
  const decide = async () => {
    const others = group.persons.filter((person) => person.id !== kept);
    const merged = others.filter((person) => same.has(person.id));
    const separate = others.filter((person) => !same.has(person.id));
    const keptPerson = group.persons.find((person) => person.id === kept);
    setBusy(true);
    try {
      await api.decideDuplicateGroup({
        keptId: kept,
        mergedIds: merged.map((person) => person.id),
        separateIds: separate.map((person) => person.id),
      });
      onDone(
        t('duplicates.groupDecided', {
          merged: merged.map((person) => formatPatientCode(person.patientCode)).join(', ') || '0',
          kept: keptPerson ? formatPatientCode(keptPerson.patientCode) : '',
          separate: separate.map((person) => formatPatientCode(person.patientCode)).join(', ') || '0',
        }),
      );
    } catch (error) {
      onProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="result duplicate-pair" data-testid="duplicate-group">
      <p class="likely-why">
        {t('duplicates.groupLinks', {
          pairs: String(group.pairs.length),
          percent: String(Math.round(group.probability * 100)),
        })}
      </p>
      {group.persons.map((person) => (
        <div class="duplicate-group-member" key={person.id} data-testid="duplicate-group-member">
          <Side person={person} />
          <label class="checkbox">
            <input
              type="radio"
              name={`kept-${group.pairs[0]?.id ?? ''}`}
              checked={kept === person.id}
              onChange={() => setKept(person.id)}
              data-testid="duplicate-group-keep"
            />
            <span>{t('duplicates.groupKeep')}</span>
          </label>
          {kept !== person.id && (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={same.has(person.id)}
                onChange={(event) => toggle(person.id, event.currentTarget.checked)}
                data-testid="duplicate-group-same"
              />
              <span>{t('duplicates.groupSame')}</span>
            </label>
          )}
        </div>
      ))}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked(event.currentTarget.checked)}
          data-testid="duplicate-group-checked"
        />
        <span>{t('merge.confirm')}</span>
      </label>
      <div class="actions">
        <button
          type="button"
          class="button primary"
          disabled={!checked || busy}
          onClick={decide}
          data-testid="duplicate-group-decide"
        >
          {t('duplicates.groupDecide')}
        </button>
      </div>
    </li>
  );
}
