import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../appContext';
import { Link } from '../components/Link';
import { LoadFailed, Loading } from '../components/Loading';
import { enumKey } from '../i18n';
import { toProblem } from '../problems';
import type { Problem } from '../types';
import { statusOf } from './DayPlanScreen';
import './outreach.css';
import {
  AGE_GROUPS,
  countOf,
  formOf,
  instantAt,
  localTime,
  outreachApi,
  SEXES,
  withCount,
  type NeedsAndItems,
  type SessionForm,
  type SessionSummary,
} from './outreachApi';
import { SummaryPanel } from './SummaryPanel';

/**
 * One session, recorded on a phone at night: when it really began and ended (a tap for "now"),
 * people seen without registration by sex and age group, needs observed, what was handed out and a
 * note; below, the summary the coordinator reads.
 */
export function SessionScreen({ sessionId }: { sessionId: string }) {
  const { t, language } = useApp();
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [form, setForm] = useState<SessionForm | null>(null);
  const [lists, setLists] = useState<NeedsAndItems | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setProblem(null);
    try {
      const [read, reference] = await Promise.all([outreachApi.summary(sessionId), outreachApi.reference()]);
      setSummary(read);
      setForm(formOf(read.session));
      setLists(reference);
    } catch (error) {
      setProblem(toProblem(error, t));
    }
  };

  useEffect(() => {
    load();
  }, [sessionId]);

  if (problem && !form) return <LoadFailed problem={problem} onRetry={() => load()} />;
  if (!summary || !form || !lists) return <Loading />;

  const day = summary.session.day;
  const set = (change: Partial<SessionForm>) => {
    setSaved(false);
    setForm({ ...form, ...change });
  };
  const nowTime = () => localTime(new Date().toISOString());
  const timeField = (field: 'actualStart' | 'actualEnd', label: string) => (
    <div class="field">
      <label for={`outreach-${field}`}>{label}</label>
      <div class="field-row">
        <input
          id={`outreach-${field}`}
          type="time"
          value={localTime(form[field])}
          onInput={(e) => {
            const value = (e.target as HTMLInputElement).value;
            set({ [field]: value ? instantAt(day, value) : null });
          }}
          data-testid={`outreach-${field}`}
        />
        <button type="button" class="button" onClick={() => set({ [field]: instantAt(day, nowTime()) })} data-testid={`outreach-${field}-now`}>
          {t('outreach.now')}
        </button>
      </div>
    </div>
  );
  const labelOf = (labels: Record<string, string>) => labels[language] ?? labels.fr ?? '';
  const quantity = (item: string) => form.distributions?.find((d) => d.item === item)?.quantity ?? 0;

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const changed = await outreachApi.change(sessionId, form);
      setForm(formOf(changed));
      setSummary(await outreachApi.summary(sessionId));
      setSaved(true);
    } catch (error) {
      setProblem(toProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card outreach-session" data-testid="outreach-session-screen">
      <p>
        <Link href="/outreach">{t('outreach.back')}</Link>
      </p>
      <h1>
        {t('outreach.sessionTitle', {
          kind: t(enumKey('outreach.kind', summary.session.kind)),
          location: summary.session.locationName,
        })}
      </h1>
      <p class="hint" data-testid="outreach-session-status">
        {localTime(summary.session.plannedStart)}–{localTime(summary.session.plannedEnd)} ·{' '}
        {t(enumKey('outreach.status', statusOf(summary.session)))} · {t('outreach.team')} :{' '}
        {summary.session.team.map((m) => m.name).join(', ')}
      </p>
      <form onSubmit={save} class="outreach-form" data-testid="outreach-form">
        <div class="field-row">
          {timeField('actualStart', t('outreach.actualStart'))}
          {timeField('actualEnd', t('outreach.actualEnd'))}
        </div>
        <fieldset>
          <legend>{t('outreach.anonymous')}</legend>
          <table class="outreach-grid">
            <thead>
              <tr>
                <th scope="col">{t('outreach.ageGroup')}</th>
                {SEXES.map((sex) => (
                  <th scope="col" key={sex}>
                    {t(enumKey('sex', sex))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {AGE_GROUPS.map((age) => (
                <tr key={age}>
                  <th scope="row">{t(enumKey('outreach.age', age))}</th>
                  {SEXES.map((sex) => (
                    <td key={sex}>
                      <input
                        type="number"
                        inputMode="numeric"
                        min="0"
                        aria-label={`${t(enumKey('sex', sex))} ${t(enumKey('outreach.age', age))}`}
                        value={countOf(form.tallies ?? [], sex, age) || ''}
                        onInput={(e) =>
                          set({ tallies: withCount(form.tallies ?? [], sex, age, Number((e.target as HTMLInputElement).value || 0)) })
                        }
                        data-testid={`outreach-count-${sex}-${age}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        <fieldset class="outreach-needs">
          <legend>{t('outreach.needs')}</legend>
          {lists.needs.map((need) => (
            <label key={need.code} class="outreach-check">
              <input
                type="checkbox"
                checked={form.needs?.includes(need.code) ?? false}
                onChange={(e) => {
                  const others = (form.needs ?? []).filter((code) => code !== need.code);
                  set({ needs: (e.target as HTMLInputElement).checked ? [...others, need.code] : others });
                }}
                data-testid={`outreach-need-${need.code}`}
              />
              {labelOf(need.labels)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('outreach.distributions')}</legend>
          {lists.items.map((item) => (
            <div class="field outreach-item" key={item.code}>
              <label for={`outreach-item-${item.code}`}>{labelOf(item.labels)}</label>
              <input
                id={`outreach-item-${item.code}`}
                type="number"
                inputMode="numeric"
                min="0"
                value={quantity(item.code) || ''}
                onInput={(e) => {
                  const n = Number((e.target as HTMLInputElement).value || 0);
                  const others = (form.distributions ?? []).filter((d) => d.item !== item.code);
                  set({ distributions: n === 0 ? others : [...others, { item: item.code, quantity: n }] });
                }}
                data-testid={`outreach-item-${item.code}`}
              />
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="outreach-note">{t('outreach.note')}</label>
          <textarea id="outreach-note" value={form.note ?? ''} onInput={(e) => set({ note: (e.target as HTMLTextAreaElement).value })} />
        </div>
        {problem && (
          <p class="form-error" role="alert" data-testid="form-error">
            {problem.detail}
          </p>
        )}
        <button type="submit" class="button primary" disabled={busy} data-testid="outreach-save">
          {t('outreach.save')}
        </button>
        {saved && (
          <p class="success" role="status" data-testid="outreach-saved">
            {t('outreach.saved')}
          </p>
        )}
      </form>
      <SummaryPanel summary={summary} lists={lists} />
    </section>
  );
}
