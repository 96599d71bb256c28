import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage } from '../i18n';
import { FormsScreen } from '../screens/FormsScreen';
import { choose, click, jsonResponse, mount, SESSION, settle, typeInto } from '../test/render';
import { parseOptions, withField } from './FieldBuilder';

const coordinator = { ...SESSION, user: { ...SESSION.user, roles: ['COORDINATOR' as const] } };

describe('adding a field without writing JSON', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    applyLanguage('en');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    document.body.innerHTML = '';
  });

  it('reads options one a line, the missing translations taken from the French', () => {
    expect(parseOptions('street | Rue | Street | الشارع\nsquat | Squat\n\n')).toEqual([
      { code: 'street', label: { fr: 'Rue', en: 'Street', ar: 'الشارع' } },
      { code: 'squat', label: { fr: 'Squat', en: 'Squat', ar: 'Squat' } },
    ]);
  });

  it('adds the field to its section, or to a new one', () => {
    const definition = { sections: [{ code: 'main', fields: [{ code: 'a' }] }] };
    const field = { code: 'b', type: 'yesno' };
    const title = { fr: 'x', en: 'x', ar: 'x' };
    expect(withField(definition, { section: 'main', sectionTitle: title, field }).sections[0]!.fields).toEqual([{ code: 'a' }, field]);
    expect(withField(definition, { section: 'other', sectionTitle: title, field }).sections).toHaveLength(2);
  });

  it('writes a new choice field into the definition being edited', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse([]));
    const screen = mount(<FormsScreen />, 'en', coordinator);
    await settle();
    click(screen.byTestId('new-form'));

    typeInto(screen.byTestId('builder-code'), 'housing');
    choose(screen.byTestId('builder-type'), 'choice');
    typeInto(screen.byTestId('builder-label-fr'), 'Logement');
    typeInto(screen.byTestId('builder-label-en'), 'Housing');
    typeInto(screen.byTestId('builder-label-ar'), 'السكن');
    typeInto(screen.byTestId('builder-options'), 'street | Rue | Street | الشارع\nsquat | Squat | Squat | مسكن عشوائي');
    click(screen.byTestId('builder-add'));

    const definition = JSON.parse((screen.byTestId('form-definition') as HTMLTextAreaElement).value);
    expect(definition.sections[0].fields[1]).toEqual({
      code: 'housing',
      type: 'choice',
      label: { fr: 'Logement', en: 'Housing', ar: 'السكن' },
      options: [
        { code: 'street', label: { fr: 'Rue', en: 'Street', ar: 'الشارع' } },
        { code: 'squat', label: { fr: 'Squat', en: 'Squat', ar: 'مسكن عشوائي' } },
      ],
    });
  });
});
