// The web client's form rules on the cases the server's are also tested on
// (src/test/resources/forms/rule-cases.json, read by FormRulesConformanceTest.java).
import { describe, expect, it } from 'vitest';
import cases from '../../../src/test/resources/forms/rule-cases.json';
import { activeAlerts, relevant, withCalculations, type Answers, type FormDefinition } from './model';

const form = cases.form as unknown as FormDefinition;

describe('form rules shared with the server', () => {
  for (const testCase of cases.cases) {
    it(testCase.name, () => {
      const situation = {
        sex: testCase.sex,
        age: testCase.age,
        occurredOn: testCase.occurredOn,
        now: new Date(testCase.now),
      };
      const view = withCalculations(form, testCase.answers as Answers, situation);
      const shown = form.sections.flatMap((section) =>
        section.fields.filter((field) => relevant(section, field, view, situation)).map((field) => field.code),
      );
      const calculated = Object.fromEntries(
        form.sections
          .flatMap((section) => section.fields)
          .filter((field) => field.type === 'calculated' && view[field.code] !== undefined)
          .map((field) => [field.code, view[field.code]]),
      );

      expect(shown).toEqual(testCase.shown);
      expect(calculated).toEqual(testCase.calculated);
      expect(activeAlerts(form, view, situation).map(({ alert }) => alert.code)).toEqual(testCase.alerts);
    });
  }
});
