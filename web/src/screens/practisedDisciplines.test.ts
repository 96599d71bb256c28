import { describe, expect, it } from 'vitest';
import { defaultDiscipline, practisedDisciplines } from './NewConsultationScreen';

describe('the disciplines a quick note may be written in', () => {
  it('are those the roles practise, as the server has them', () => {
    expect(practisedDisciplines(['SOCIAL_LEGAL_WORKER'])).toEqual(['SOCIAL', 'LEGAL']);
    expect(practisedDisciplines(['CLINICIAN'])).toEqual(['MEDICAL', 'NURSING']);
    expect(practisedDisciplines(['PSYCHOLOGIST'])).toEqual(['MENTAL_HEALTH']);
    expect(practisedDisciplines(['COORDINATOR'])).toEqual(['SOCIAL']);
    expect(practisedDisciplines(['DATA_OFFICER'])).toEqual([]);
  });

  it('start from the one the user most likely records', () => {
    expect(defaultDiscipline(['SOCIAL_LEGAL_WORKER'])).toBe('SOCIAL');
    expect(defaultDiscipline(['COORDINATOR'])).toBe('SOCIAL');
    expect(defaultDiscipline(['CLINICIAN', 'SOCIAL_LEGAL_WORKER'])).toBe('MEDICAL');
    expect(defaultDiscipline(['PSYCHOLOGIST', 'CLINICIAN'])).toBe('MENTAL_HEALTH');
  });
});
