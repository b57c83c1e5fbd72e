import { describe, expect, it } from 'vitest';
import { compileContext, dismissalKey, splitSentences, suggest, withDismissed, type SuggestionContext } from '../../shared/suggestions';
import { findEmails, findPhones } from '../../shared/suggestions/contact';
import { fold, toOriginal } from '../../shared/suggestions/fold';
import { CORPUS_CONTEXT } from '../fixtures/suggestions-corpus';

const ctx: SuggestionContext = { ...CORPUS_CONTEXT, dismissed: [] };
const compiled = compileContext(ctx);
const kindsOf = (text: string, c = compiled) => suggest(text, c).flatMap((s) => s.kinds);
const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('fold', () => {
  it('removes diacritics and keeps a map to the original code points', () => {
    const original = 'Fernández, Kraków – Łódź';
    const f = fold(original);
    expect(f.text).toBe('Fernandez, Krakow – Lodz');
    const at = f.text.indexOf('Krakow');
    const o = toOriginal(f, at, at + 'Krakow'.length);
    expect(original.slice(o.start, o.end)).toBe('Kraków');
  });

  it('keeps combining marks, variation selectors and surrogate pairs with their character', () => {
    const original = 'Jose\u0301 👍🏽 said ❤️ x';
    const f = fold(original);
    expect(f.text.startsWith('Jose ')).toBe(true);
    const e = f.text.indexOf('e');
    expect(original.slice(...Object.values(toOriginal(f, e, e + 1)))).toBe('e\u0301');
    const heart = f.text.indexOf('❤');
    expect(original.slice(...Object.values(toOriginal(f, heart, heart + 1)))).toBe('❤️');
  });
});

describe('sentence splitting', () => {
  it('copes with abbreviations, initials and decimals', () => {
    const text =
      'Google cited Art. 53 and No. 3 of the FAQ, e.g. on fine-tuning, i.e. twice. Growth was 3.5 per cent. Dr. Okafor and J. Weber agreed, etc. The chair closed.';
    expect(sentences(text)).toEqual([
      'Google cited Art. 53 and No. 3 of the FAQ, e.g. on fine-tuning, i.e. twice.',
      'Growth was 3.5 per cent.',
      'Dr. Okafor and J. Weber agreed, etc.',
      'The chair closed.',
    ]);
  });

  it('ends a sentence at a line break, after ? and !, and after closing quotes', () => {
    expect(sentences('Is it public? Yes! He said "no." Then\nnew line')).toEqual(['Is it public?', 'Yes!', 'He said "no."', 'Then', 'new line']);
  });

  it('does not split inside addresses and file names', () => {
    expect(sentences('Write to a.b@example.org or see robots.txt today. Next.')).toEqual(['Write to a.b@example.org or see robots.txt today.', 'Next.']);
  });
});

describe('org_near_figure', () => {
  it('flags a member named with its plans and a date, over the sentence', () => {
    const text = 'Welcome. Mistral AI intends to release its next model in Q3 2026. Thanks.';
    const [s] = suggest(text, compiled);
    expect(s?.kind).toBe('org_near_figure');
    expect(s?.text).toBe('Mistral AI intends to release its next model in Q3 2026.');
    expect(s?.reason).toContain('Mistral AI');
    expect(s?.reason).toContain('Q3 2026');
  });

  it('matches short names, any case and without diacritics', () => {
    const c = compileContext({ ...ctx, organisations: [{ name: 'Société Générale IA', shortName: 'SGIA' }] });
    expect(kindsOf('societe generale ia expects revenue of €2m in 2027.', c)).toEqual(['org_near_figure']);
    expect(kindsOf('The sgia pipeline counts 300 clients.', c)).toEqual(['org_near_figure']);
    expect(kindsOf('mistral will launch in h2 2026.')).toEqual(['org_near_figure']);
  });

  it('matches whole words only', () => {
    const c = compileContext({ ...ctx, organisations: [{ name: 'Meta', shortName: 'Meta' }] });
    expect(kindsOf('The metadata pipeline will launch in Q3 2026.', c)).toEqual([]);
    expect(kindsOf("Meta's pipeline will launch in Q3 2026.", c)).toEqual(['org_near_figure']);
  });

  it('recognises money, percentages, figures and dates', () => {
    for (const text of [
      'Google spends €1.5 billion.',
      'Google spends EUR 300m.',
      'Google spends USD 2bn.',
      'Google grew 12 per cent.',
      'Google grew 7.5%.',
      'Google has 4,000 engineers.',
      'Google reported 2 000 000 requests.',
      'Google will launch the model on 30 January 2027.',
      'Google said the release was planned by H1 2027.',
      'Google said its FY2027 budget was set.',
      'Google noted that the product would ship next quarter.',
      'Google noted that its product roadmap included a new model.',
      'Google has hundreds of millions of requests.',
    ]) {
      expect(kindsOf(text), text).toEqual(['org_near_figure']);
    }
  });

  it('does not count references, procedural votes, times, counts, versions or past dates as figures', () => {
    for (const text of [
      'Google referred to item 3.2 and Article 53(1)(b).',
      'Google supported a two-thirds majority.',
      'Google supported a 66% majority of the signatories present.',
      'Google joined the meeting at 10:30.',
      'Google said 25 signatories had replied.',
      'Google explained that Gemini 2.5 is documented.',
      'Google signed the Code in July 2025.',
      'Google referred to Regulation (EU) 2024/1689.',
      'Google referred to document TF/2026/02.',
      'Google asked about the 10 working days for comments.',
    ]) {
      expect(kindsOf(text), text).toEqual([]);
    }
  });

  it('needs a business concept, not just a topic word', () => {
    expect(kindsOf('Google discussed compute.')).toEqual([]);
    expect(kindsOf('Google is negotiating a compute contract with a cloud provider.')).toEqual(['org_near_figure']);
  });

  it("leaves the AI Office's own dates and plans alone", () => {
    expect(kindsOf('The AI Office will publish guidance in Q2 2026.')).toEqual([]);
    expect(kindsOf('Google asked whether the AI Office plans to publish guidance in Q2 2026.')).toEqual([]);
    expect(kindsOf('Google plans to launch a new model in Q2 2026.')).toEqual(['org_near_figure']);
    // An institution given in the context with isMember false behaves the same.
    const c = compileContext({ ...ctx, organisations: [...ctx.organisations, { name: 'National Authority X', shortName: 'NAX', isMember: false }] });
    expect(kindsOf('Google asked whether NAX plans to report in Q2 2026.', c)).toEqual([]);
  });

  it('ignores meeting logistics dates', () => {
    expect(kindsOf('Google will send comments by 13 February 2026.')).toEqual([]);
    expect(kindsOf('Google proposed that the next meeting take place on 12 March 2026.')).toEqual([]);
  });

  it('follows a member into the next sentence when it opens with a pronoun', () => {
    const text = 'Anthropic gave an update. It will launch a new model in Q3 2026. The chair thanked it.';
    const found = suggest(text, compiled);
    // The whole statement, with the member it is about in the reason.
    expect(found.map((s) => s.text)).toEqual(['It will launch a new model in Q3 2026.']);
    expect(found[0]!.reason).toContain('Anthropic');
    expect(kindsOf('Anthropic gave an update. The next meeting is in March 2026.')).toEqual([]);
  });

  it('suggests the clauses that carry it when the sentence has several', () => {
    const text = 'Google welcomed the draft; Microsoft said its revenue would double in 2026; OpenAI agreed.';
    const [s] = suggest(text, compiled);
    expect(s?.text).toBe('Microsoft said its revenue would double in 2026;');
  });
});

describe('contact', () => {
  it('finds e-mail addresses', () => {
    const text = 'Write to jonas.weber@example.org, or to a+b@sub.example.co.uk. Not: @handle, x@y, foo@bar.';
    expect(findEmails(text).map((s) => text.slice(s.start, s.end))).toEqual(['jonas.weber@example.org', 'a+b@sub.example.co.uk']);
  });

  it('finds phone numbers in international and national formats', () => {
    const text =
      'Call +32 2 299 11 11 or 0032 2 299 11 11 or (02) 299 11 11 or +44 (0)20 7946 0958 or 02/299.11.11 or tel. 2299 1111.';
    expect(findPhones(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '+32 2 299 11 11',
      '0032 2 299 11 11',
      '(02) 299 11 11',
      '+44 (0)20 7946 0958',
      '02/299.11.11',
      '2299 1111',
    ]);
  });

  it('does not take dates, amounts or references for phone numbers', () => {
    const text = 'On 01.02.2026 the revenue was 1 000 000 euros under Regulation 2024/1689, item 3.2.1, 12.5% and 10^25 FLOP.';
    expect(findPhones(text)).toEqual([]);
  });

  it('suggests only the address or number itself', () => {
    const text = 'The address jonas.weber@example.org was shared.';
    expect(suggest(text, compiled).map((s) => [s.kind, s.text])).toEqual([
      ['contact', 'jonas.weber@example.org'],
    ]);
  });
});

describe('person', () => {
  it('finds full names, whole words, case- and accent-insensitively, and title + surname', () => {
    const text = 'maria fernandez, MARIA FERNÁNDEZ, Ms Okafor and Mr. de Vries spoke; Jonas Webers did not; Pieter spoke.';
    // "Jonas Webers" is not a representative but still a person's name: suggested as one not on the list.
    const found = suggest(text, compiled);
    expect(found.map((s) => s.text)).toEqual(['maria fernandez', 'MARIA FERNÁNDEZ', 'Ms Okafor', 'Mr. de Vries', 'Jonas Webers']);
    expect(found[4]!.reason).toContain('not on the list of representatives');
    expect(suggest('Sarah Okafor spoke.', compiled)[0]?.reason).toBe('Name of a representative (Sarah Okafor).');
  });
});

describe('confidentiality_phrase and sensitive_term', () => {
  it('suggests the sentence that carries the phrase', () => {
    for (const phrase of [
      'confidential', 'commercially sensitive', 'not for publication', 'off the record', 'under NDA', 'embargoed',
      'internal only', 'do not share', 'in confidence', 'Chatham House rule', 'trade secret',
    ]) {
      const text = `Opening. The next part is ${phrase} for now. Closing.`;
      const found = suggest(text, compiled);
      expect(found.map((s) => [s.kind, s.text]), phrase).toEqual([['confidentiality_phrase', `The next part is ${phrase} for now.`]]);
    }
  });

  it('does not take the topic of confidentiality for a marking', () => {
    expect(kindsOf('The confidentiality rules were adopted.')).toEqual([]);
  });

  it('finds the sensitive terms as whole words', () => {
    expect(kindsOf('An update on project lighthouse followed.')).toEqual(['sensitive_term']);
    expect(kindsOf('An update on Helix 3 followed.')).toEqual(['sensitive_term']);
    expect(kindsOf('An update on Helix-30 followed.')).toEqual([]);
    expect(suggest('First. Then helix-3 and Helix-3 again.', compiled)[0]?.reason).toBe('Mentions “helix-3” (on the sensitive-terms list).');
  });
});

describe('dismissals and merging', () => {
  it('drops a suggestion whose text was dismissed (white space and case normalised)', () => {
    const text = 'Mistral AI intends to launch in   Q3 2026.';
    expect(suggest(text, compiled)).toHaveLength(1);
    const c = withDismissed(compiled, ['  mistral ai INTENDS to launch in Q3 2026. ']);
    expect(suggest(text, c)).toEqual([]);
    expect(dismissalKey(' A\n\tB ')).toBe('a b');
    // The plain context form honours dismissals too.
    expect(suggest(text, { ...ctx, dismissed: ['Mistral AI intends to launch in Q3 2026.'] })).toEqual([]);
  });

  it('drops a dismissed part before merging, so a dismissed name does not widen anything', () => {
    const text = 'Sarah Okafor said this is confidential.';
    const merged = suggest(text, compiled);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.kinds).toEqual(['confidentiality_phrase', 'person']);
    const c = withDismissed(compiled, ['sarah okafor']);
    expect(suggest(text, c).map((s) => s.kinds)).toEqual([['confidentiality_phrase']]);
  });

  it('merges overlapping findings into one span with the strongest kind and every reason', () => {
    const text = 'Confidential: Google will raise prices in Q3 2026, said Sarah Okafor (sarah.okafor@example.org).';
    const found = suggest(text, compiled);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('contact');
    expect(found[0]!.kinds).toEqual(['contact', 'confidentiality_phrase', 'org_near_figure', 'person']);
    expect(found[0]!.text).toBe(text);
    expect(found[0]!.reason).toMatch(/confidential.*Google.*Sarah Okafor.*e-mail/s);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets into the original text, with emoji and accents before the match', () => {
    const text = '👍🏽 Café ✅ — Fernández: Mistral AI intends to launch in Q3 2026 🚀. Then 💬 x.';
    const [s] = suggest(text, compiled);
    expect(s).toBeDefined();
    expect(text.slice(s!.start, s!.end)).toBe(s!.text);
    expect(s!.text).toBe('👍🏽 Café ✅ — Fernández: Mistral AI intends to launch in Q3 2026 🚀.');
  });

  it('keeps a decomposed accent inside a name span', () => {
    const text = 'Maria Ferna\u0301ndez spoke.';
    const [s] = suggest(text, compiled);
    expect(s!.text).toBe('Maria Ferna\u0301ndez');
  });
});

describe('scale', () => {
  it('finishes on 50,000 characters of near-misses (no catastrophic backtracking)', () => {
    const pieces = [
      'aaaa.bbbb.cccc@', '@@@ x@y.', '+32 2 ', '0032 ', '(02) ', '1.2.3.4.5.6.7.8.9.', '1,2,3,4,5 ', 'Mistra ', 'Googl ',
      'e.g. ', 'i.e. ', 'Art. ', 'No. ', 'Q5 ', 'H3 ', '10^ ', '€ ', '% ', 'per ', 'Maria Fernan ', 'Project Light ',
      'confidentia ', 'off the recor ', 'not for publicatio ', '2024/', 'May may MAY ', '12-', 'next ', 'quarter ',
    ];
    let text = '';
    for (let i = 0; text.length < 50_000; i++) text += pieces[(i * 7) % pieces.length];
    const t0 = Date.now();
    const found = suggest(text, compiled);
    const ms = Date.now() - t0;
    console.log(`50,000 characters of near-misses: ${found.length} suggestions in ${ms} ms`);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
    // One long run of a single character class, the classic trigger of quadratic scans.
    for (const run of ['a'.repeat(50_000), '1'.repeat(50_000), '1.'.repeat(25_000), 'a@'.repeat(25_000), ' '.repeat(50_000), '(0'.repeat(25_000)]) {
      suggest(run, compiled);
    }
    // One endless sentence full of members and triggers: actors and triggers are walked together, not pairwise.
    const [one] = suggest('Google plans to launch 3 models '.repeat(3_000), compiled);
    expect(one?.kind).toBe('org_near_figure');
    expect(suggest('Google AI Office 5% '.repeat(3_000), compiled)).toHaveLength(1);
  });
});
