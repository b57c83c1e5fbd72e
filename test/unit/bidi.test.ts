import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidiReadings, hasOverride, shownOrder, withoutBidiControls } from '../../shared/text/bidi';
import { foldAsCheck } from '../../shared/text/look-alikes';
import { excerptIn, excerptWithin } from '../../shared/redaction/flag-state';

const RLO = '\u202E';
const LRO = '\u202D';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';

describe('shownOrder: text as a viewer shows it', () => {
  it('reads what a right-to-left override holds backwards, up to its end or the end of the paragraph', () => {
    expect(shownOrder(`a ${RLO}cba${PDF} d`)).toBe('a abc d');
    expect(shownOrder(`a ${RLO}cba d`)).toBe('a d abc');
    expect(shownOrder(`${RLO}cba\nfed`)).toBe('abc\nfed'); // a paragraph ends the override
    expect(shownOrder(`${RLO}fed${PDF}${PDF}x`)).toBe('defx'); // a stray PDF is dropped
  });

  it('keeps a left-to-right override or an isolate inside it as one unit in its place', () => {
    expect(shownOrder(`${RLO}1 ${LRO}abc${PDF} 2${PDF}`)).toBe('2 abc 1');
    expect(shownOrder(`${RLO}x ${RLI}ab${PDI} y`)).toBe('y ab x');
    // A PDF inside an isolate does not end the override outside it; the PDI ends the isolate.
    expect(shownOrder(`${RLO}x ${RLI}a${PDF}b${PDI} y`)).toBe('y ab x');
  });

  it('is the text without controls when nothing is overridden', () => {
    expect(hasOverride(`a ${LRO}b${PDF}`)).toBe(false);
    expect(shownOrder(`a ${LRO}b${PDF}`)).toBe('a b');
    expect(bidiReadings('plain')).toEqual(['plain']);
    expect(bidiReadings(`${RLO}ateB${PDF}`)).toEqual(['Beta', 'ateB']);
    expect(withoutBidiControls(`${RLI}a${PDI}`)).toBe('a');
  });

  it('keeps every character of the text but the controls (astral ones whole)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '😀', ' ', '\n', RLO, LRO, PDF, RLI, PDI, '\u202A', '\u202B'), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        const sorted = (t: string) => [...withoutBidiControls(t)].sort().join('');
        expect(sorted(shownOrder(s))).toBe(sorted(s));
        expect(foldAsCheck(foldAsCheck(s))).toBe(foldAsCheck(s));
      }),
    );
  });
});

describe('the redaction check reads overridden text both ways', () => {
  it('finds a passage as shown and as stored', () => {
    const text = foldAsCheck(`They said ${RLO}scitoboR ateB${PDF} will bid.`);
    expect(text).toContain('beta robotics');
    expect(text).toContain('scitobor ateb');
  });

  it('a flag’s recorded words stand in a text in either reading (flag states)', () => {
    const flagged = `${RLO}scitoboR ateB${PDF}`;
    expect(excerptIn(flagged, 'Beta Robotics will bid.', foldAsCheck)).toBe(true);
    expect(excerptIn(flagged, `Said: ${flagged} will bid.`, foldAsCheck)).toBe(true);
    expect(excerptWithin(flagged, [`Said: ${flagged} will bid.`])).toBe(true);
    expect(excerptIn(flagged, 'Gamma Robotics will bid.', foldAsCheck)).toBe(false);
  });
});
