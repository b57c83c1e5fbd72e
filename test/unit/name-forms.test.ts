import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameForms, shortForms } from '../../shared/redaction/name-forms';
import { normaliseForMatch, PassageMatcher } from '../../shared/redaction/match-text';

/** A flagged person's name is also searched without its honorific and surname first (shared/redaction/name-forms.ts). */
describe('nameForms', () => {
  it('gives the name without the honorific, and surname first', () => {
    expect(nameForms('Dr Imogen Castellanos-Whitby')).toEqual(['Imogen Castellanos-Whitby', 'Castellanos-Whitby Imogen']);
    expect(nameForms('Imogen Castellanos-Whitby')).toEqual(['Castellanos-Whitby Imogen']);
    // Every rotation: the surname first however many words it has, or the particles last ("Leyen Ursula von der").
    expect(nameForms('Prof. Jan Maria Nowak')).toEqual(['Jan Maria Nowak', 'Maria Nowak Jan', 'Nowak Jan Maria']);
    expect(nameForms('Ursula von der Leyen')).toEqual(['von der Leyen Ursula', 'der Leyen Ursula von', 'Leyen Ursula von der']);
    expect(nameForms('Prof. Dr. Jane Roe')).toEqual(['Jane Roe', 'Roe Jane']);
    expect(nameForms('Dott.ssa Maria Rossi')).toEqual(['Maria Rossi', 'Rossi Maria']);
    expect(nameForms('Dr Ahmed al-Hassan')).toEqual(['Ahmed al-Hassan', 'al-Hassan Ahmed']);
    expect(nameForms('Dr Jane Roe \u2013 Northfield Analytics')).toEqual(['Jane Roe', 'Roe Jane']);
    // With an honorific, an affiliation after the name: the name's forms.
    expect(nameForms('Dr Jane Roe of Acme Holdings')).toEqual(['Jane Roe', 'Roe Jane']);
    expect(nameForms('Dr Jane Roe (Acme Holdings)')).toEqual(['Jane Roe', 'Roe Jane']);
    expect(nameForms('Ms Jane Roe, Acme')).toEqual(['Jane Roe', 'Roe Jane']);
  });

  it('gives nothing for what is not a name alone', () => {
    for (const text of [
      'Acme Holdings of Delaware', // no honorific: may be an organisation
      'Dr Smith', // one word left: a common surname alone would block too much
      'May',
      'the figures of the second quarter',
      'Jane Roe said the model will launch in May',
      'Mistral AI will launch in Q3',
      '€12 million',
      'Dr',
      '',
    ])
      expect(nameForms(text), text).toEqual([]);
  });

  it('takes an honorific as written before a name, not a word in capitals ("MS Teams Premium" keeps its "MS")', () => {
    expect(nameForms('MS Teams Premium')).not.toContain('Teams Premium');
    expect(nameForms('DR Congo Delegation')).not.toContain('Congo Delegation');
  });

  it('never gives a form for a text with a lower-case word that is not a particle, nor for one word', () => {
    const word = fc.stringMatching(/^[a-z]{3,10}$/).filter((w) => !/^(?:van|von|de|der|den|del|della|di|da|dos|das|du|la|le|ter|ten|af|zu|al|el|bin|ibn)$/.test(w));
    const cap = fc.stringMatching(/^[A-Z][a-z]{1,9}$/);
    fc.assert(
      fc.property(fc.array(cap, { maxLength: 3 }), word, fc.array(cap, { maxLength: 3 }), (before, lower, after) => {
        expect(nameForms([...before, lower, ...after].join(' '))).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(cap, (one) => {
        expect(nameForms(one)).toEqual([]);
      }),
    );
  });

  it('the matcher finds a flagged name in its other forms, and not a different person', () => {
    const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;
    expect(found('Dr Imogen Castellanos-Whitby', 'Experts: Imogen Castellanos-Whitby (Independent)')).toBe(true);
    expect(found('Imogen Castellanos-Whitby', 'CASTELLANOS-WHITBY Imogen, Independent')).toBe(true);
    expect(found('Ursula von der Leyen', 'VON DER LEYEN Ursula')).toBe(true);
    expect(found('Dr María García López', 'GARCÍA LÓPEZ María')).toBe(true);
    expect(found('Dr Anna van der Berg', 'Berg, Anna van der')).toBe(true);
    expect(found('Dr Imogen Castellanos-Whitby', 'Imogen Castellanos-Smith')).toBe(false);
    expect(found('Dr Jane Roe of Acme Holdings', 'Acme Holdings presented its report.')).toBe(false);
    expect(found('MS Teams Premium', 'Members used Teams Premium for the call.')).toBe(false);
  });

  describe('shortForms: the given names as initials, a title and the surname', () => {
    it('gives the first initial before each possible surname, and after it; and a title before it', () => {
      const forms = shortForms('Dr Jane Roe');
      for (const f of ['J Roe', 'Roe J', 'Dr Roe', 'Ms Roe', 'Mr Roe', 'Prof Roe']) expect(forms, f).toContain(f);
      // Each possible surname, as the rotations: "García López" or "López" alone.
      expect(shortForms('María García López')).toEqual(expect.arrayContaining(['M García López', 'García López M', 'M López', 'López M', 'Dr García López']));
      // Particles belong to the surname, never become initials: "J van der Berg", not "J v d Berg".
      const berg = shortForms('Jan van der Berg');
      expect(berg).toEqual(expect.arrayContaining(['J van der Berg', 'van der Berg J', 'Mr van der Berg']));
      expect(berg.some((f) => /^J (?:der )?Berg$|^v /.test(f))).toBe(false);
    });

    it('gives none for what is not a name, and no initial that is also a word ("A Price" would be "a price")', () => {
      for (const text of ['Acme Holdings of Delaware', 'Dr Smith', 'May', 'Jane Roe said the model will launch in May', '']) expect(shortForms(text), text).toEqual([]);
      expect(shortForms('Adam Price').some((f) => /^A |\bA$/.test(f))).toBe(false);
      expect(shortForms('Ingrid Olsen').some((f) => /^I |\bI$/.test(f))).toBe(false);
      expect(shortForms('Adam Price')).toContain('Mr Price'); // the title forms still
      // An acronym of two letters is no surname; a surname of two letters is.
      expect(shortForms('Mistral AI')).toEqual([]);
      expect(shortForms('Jane Li')).toEqual(expect.arrayContaining(['J Li', 'Li J', 'Dr Li']));
    });

    it('the matcher finds the short forms, and not another initial, another surname or everyday words', () => {
      const found = (flagged: string, printed: string) => new PassageMatcher([{ id: 'p', text: flagged }]).search(normaliseForMatch(printed)).length > 0;
      expect(found('Dr Jane Roe', 'Participants: J. Roe (Northfield Analytics)')).toBe(true);
      expect(found('Jane Mary Roe', 'ROE J. M., Northfield Analytics')).toBe(true);
      expect(found('Jean-Pierre Dubois', 'J.-P. Dubois presented the paper.')).toBe(true);
      expect(found('Imogen Castellanos-Whitby', 'Dr. Castellanos-Whitby presented the paper.')).toBe(true);
      expect(found('Dr Jane Roe', 'K. Roe presented the paper.')).toBe(false);
      expect(found('Dr Jane Roe', 'J. Rowe presented the paper.')).toBe(false);
      expect(found('Adam Price', 'Members discussed a price cap for a price list.')).toBe(false);
    });

    it('any given name as an initial, with or without a full stop, in either order, is found (property)', () => {
      const cap = fc.stringMatching(/^[B-HJ-Z][a-z]{2,8}$/);
      fc.assert(
        fc.property(cap, cap, fc.boolean(), fc.boolean(), (given, surname, dot, surnameFirst) => {
          const initial = `${given[0]}${dot ? '.' : ''}`;
          const printed = surnameFirst ? `${surname.toUpperCase()} ${initial}` : `${initial} ${surname}`;
          expect(new PassageMatcher([{ id: 'p', text: `Dr ${given} ${surname}` }]).search(normaliseForMatch(`Present: ${printed}, expert.`)).length).toBeGreaterThan(0);
        }),
      );
    });
  });
});
