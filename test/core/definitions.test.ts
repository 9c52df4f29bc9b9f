import { builtinForms, readForms, templateGrids } from '../../src/core/forms/definitions';
import { FORMS } from '../../src/core/forms/schema';
import { FROZEN_FORMS } from './definitions.frozen';

describe('the built-in template', () => {
  test('read from its rows, it equals the hand-written FORMS field by field', () => {
    const forms = builtinForms();
    expect(forms.map((f) => f.id)).toEqual(FROZEN_FORMS.map((f) => f.id));
    forms.forEach((f, i) => {
      const frozen = FROZEN_FORMS[i];
      for (const field of Object.keys(frozen) as (keyof typeof frozen)[]) {
        if (field !== 'columns') expect([f.id, field, f[field]]).toStrictEqual([f.id, field, frozen[field]]);
      }
      expect(f.columns.map((c) => c.key)).toEqual(frozen.columns.map((c) => c.key));
      f.columns.forEach((c, j) => expect([f.id, c]).toStrictEqual([f.id, frozen.columns[j]]));
    });
    expect(forms).toStrictEqual(FROZEN_FORMS);
  });
  test('equals the schema FORMS of today', () => {
    expect(builtinForms()).toStrictEqual([...FORMS]);
  });
  test('its rows read without a problem', () => {
    const t = templateGrids();
    expect(readForms(t.list, t.columns).problems).toEqual([]);
  });
});
