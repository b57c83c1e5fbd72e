import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';
import { wordForms } from '../../shared/redaction/word-forms';

const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;
const forms = (text: string) => wordForms(normaliseForMatch(text));

/** A flagged passage's last word in the singular, its version written otherwise (shared/redaction/word-forms.ts). */
describe('wordForms', () => {
  it('cuts the plural ending of the last word', () => {
    expect(forms('10,000 H100 GPUs')).toEqual(['10.000 h100 gpu']);
    expect(forms('three pending acquisitions of start-ups')).toEqual(['three pending acquisitions of start up']);
    expect(forms('the partner companies')).toEqual(['the partner compan', 'the partner companie', 'the partner company']);
    expect(forms('two tax boxes')).toEqual(['two tax box', 'two tax boxe']);
    // A short passage is searched as whole words: the whole singular is there too (fast-check found "aaa aaes").
    expect(found('tax boxes', 'a tax box was built')).toBe(true);
  });

  it('gives the version after a name each way, never the number alone without the name', () => {
    expect(forms('Bluebird v2.1')).toEqual(['bluebird v 2.1', 'bluebird version 2.1', 'bluebird 2.1']);
    expect(forms('Bluebird version 3 launch')).toEqual(expect.arrayContaining(['bluebird v3 launch', 'bluebird 3 launch']));
    expect(forms('v2.1')).toEqual([]);
  });

  it('gives nothing for one word, a word ending in "ss", or no version', () => {
    for (const text of ['GPUs', 'market access', 'the model', 'Bluebird', 'level 2.1', '']) expect([text, forms(text)]).toEqual([text, []]);
  });

  it('any passage of words whose last is a plural in -s: found with that word in the singular, before a further word (property)', () => {
    const word = fc.stringMatching(/^[a-z]{3,9}$/).filter((w) => !w.endsWith('s'));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), word, word, (before, noun, next) => {
        const flagged = `${before.join(' ')} ${noun}s`;
        expect(found(flagged, `Members heard that ${before.join(' ')} ${noun} ${next} would follow.`)).toBe(true);
      }),
    );
  });

  it('the matcher finds a changed form, and not another number or name', () => {
    expect(found('the Bluebird models', 'Members discussed the Bluebird model.')).toBe(true);
    expect(found('Bluebird v2.1', 'Acme will release Bluebird 2.2 in May.')).toBe(false);
    expect(found('10,000 H100 GPUs', 'Acme runs 1,000 H100 GPU nodes.')).toBe(false);
  });
});
