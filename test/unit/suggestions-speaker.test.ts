import { describe, expect, it } from 'vitest';
import { compileContext, suggest, suggestBlock, suggestParagraphs } from '../../shared/suggestions';
import { analyse } from '../../shared/suggestions/nlp';
import { CORPUS_CONTEXT } from '../fixtures/suggestions-corpus';

const compiled = compileContext({
  ...CORPUS_CONTEXT,
  organisations: CORPUS_CONTEXT.organisations.map((o) => ({ ...o, representatives: [] })),
});
/** The texts suggested, as the officer would see them underlined. */
const texts = (text: string) => suggest(text, compiled).map((s) => s.text);

describe('speaker model', () => {
  it('carries the speaker across sentences: a pronoun or "the company" refers to the last member named', () => {
    const text =
      'Amazon then reported on its cloud business in Europe. It expected its new region to carry about a third of customers’ AI workloads within a year. ' +
      'The company would also open a second region.';
    expect(texts(text)).toEqual([
      'It expected its new region to carry about a third of customers’ AI workloads within a year.',
      'The company would also open a second region.',
    ]);
    const [first] = suggest(text, compiled);
    expect(first!.reason).toContain('Amazon');
  });

  it('carries the speaker however far the name is', () => {
    const filler = 'It described its approach to the template in some detail. ';
    const text = `Mistral AI presented its views. ${filler.repeat(6)}It is raising capital from new investors.`;
    expect(texts(text)).toEqual(['It is raising capital from new investors.']);
  });

  it('changes speaker when another is named, and the new speaker owns what follows', () => {
    const text = 'Google said it was negotiating a cloud contract. Microsoft then took the floor. It welcomed the draft.';
    expect(texts(text)).toEqual(['Google said it was negotiating a cloud contract.']);
    const [s] = suggest('Microsoft welcomed the draft. Google then spoke. It had signed a contract with a ministry.', compiled);
    expect(s!.reason).toContain('Google');
  });

  it('lets institutions speak as institutions: their plans are not a member’s secret', () => {
    expect(texts('Google commented on the guidelines. The AI Office will publish them in Q2 2026. It will launch a consultation in March.')).toEqual([]);
    expect(texts('The Commission indicated that it would adopt the template in the second half of the year.')).toEqual([]);
    // A member speaking after the institution is a member again.
    expect(texts('The AI Office opened the item. Anthropic said it would launch a new model in the spring.')).toEqual([
      'Anthropic said it would launch a new model in the spring.',
    ]);
  });

  it('does not take recalling the law or public facts for a secret', () => {
    expect(texts('Microsoft recalled that the obligations of the AI Act apply from 2 August 2025.')).toEqual([]);
    expect(texts('Google said it would attend the public workshop on evaluation methods on 12 March.')).toEqual([]);
    expect(texts('Meta noted that it had published its frontier AI framework last year.')).toEqual([]);
  });

  it('does not take an instruction after a member’s statement for the member’s news', () => {
    const text = 'Mistral AI plans to hire 40 engineers by June 2026. Please write to camille.laurent@example.org for the list.';
    expect(texts(text)).toEqual(['Mistral AI plans to hire 40 engineers by June 2026.', 'camille.laurent@example.org']);
  });

  it('carries the speaker from one block to the next when the caller passes it on', () => {
    const first = suggestBlock('Amazon reported on its cloud business.', compiled);
    expect(first.speaker).toEqual({ name: 'Amazon', role: 'member' });
    const next = suggestBlock('It expected to double its capacity in Europe next year.', compiled, first.speaker);
    expect(next.suggestions.map((s) => s.text)).toEqual(['It expected to double its capacity in Europe next year.']);
    expect(suggestBlock('It expected to double its capacity in Europe next year.', compiled).suggestions).toEqual([]);
  });

  it('maps a representative to the organisation they speak for', () => {
    const withReps = compileContext({
      ...CORPUS_CONTEXT,
      organisations: [{ name: 'Anthropic', shortName: 'Anthropic', representatives: ['Sarah Okafor'] }, { name: 'AI Office', shortName: 'AIO', isMember: false, representatives: ['Elena Marchetti'] }],
    });
    expect(suggest('Ms Okafor said it would open an office in Munich next year.', withReps).find((s) => s.kind === 'org_near_figure')?.reason).toContain('Anthropic');
    expect(suggest('Elena Marchetti said the AI Office would open a new unit next year.', withReps).some((s) => s.kind === 'org_near_figure')).toBe(false);
  });
});

describe('numbers, fractions and quantities in words', () => {
  it('reads numbers written in words through the NLP model', () => {
    const a = analyse('It had reached some forty million users and planned to add three languages.');
    expect(a.entities.map((e) => [e.type, e.text])).toEqual(expect.arrayContaining([['CARDINAL', 'forty million'], ['CARDINAL', 'three']]));
    expect(a.tokens.find((t) => t.text === 'planned')!.lemma).toBe('plan');
  });

  it('finds a member’s fractions, ratios and quantities in words', () => {
    for (const text of [
      'Google said that two in three of its public-sector clients wanted local hosting.',
      'Amazon stated that roughly a third of its cloud customers were running AI workloads.',
      'Aleph Alpha reported that its inference costs had fallen by a factor of ten.',
      'Microsoft noted that a handful of ministries were piloting its assistant.',
      'Mistral AI said that nearly half of its revenue came from outside France.',
      'OpenAI reported that it had hired some two hundred engineers in Dublin.',
      'It was negotiating a contract worth twelve million euros.',
    ]) {
      const found = suggest(`Google opened the item. ${text}`, compiled).filter((s) => s.kind === 'org_near_figure');
      expect(found.map((s) => s.text), text).toEqual([text]);
    }
  });

  it('does not take procedural counts in words for business figures', () => {
    expect(texts('Two thirds of the members present supported the revised wording.')).toEqual([]);
    expect(texts('Microsoft found the draft questionnaire too long and suggested cutting it by half.')).toEqual([]);
  });
});

describe('names not on the roster, and addresses spelled out', () => {
  it('suggests people who are not representatives', () => {
    const found = suggest('Sarah Okafor was replaced for this item by her colleague Thomas Brandt.', compiled);
    expect(found.map((s) => [s.text, s.flagReason])).toEqual(
      expect.arrayContaining([['Thomas Brandt', 'personal_data']]),
    );
    expect(texts('Dr Martina Rossi, who leads the evaluation team at Google, presented the results.')).toContain('Dr Martina Rossi');
    expect(texts('Lena Hoffmann attended as an alternate for Anna Kowalska.')).toEqual(['Lena Hoffmann', 'Anna Kowalska']);
  });

  it('does not take organisations, places, months or products for people', () => {
    expect(texts('Members discussed whether the Chatham House rule should apply to the Code of Practice.')).toEqual([]);
    expect(texts('The European Commission and the Member States met in Brussels in March.')).toEqual([]);
  });

  it('finds e-mail addresses spelled out', () => {
    expect(texts('Ms Okafor could be contacted at sarah dot okafor at example dot org.')).toContain('sarah dot okafor at example dot org');
    expect(texts('The rapporteur gave his address as jan.novak at example.org for written comments.')).toContain('jan.novak at example.org');
    expect(texts('We met at the office at noon.')).toEqual([]);
  });
});

describe('the confidentiality wording of minutes', () => {
  it('finds requests not to minute, quote, attribute, publish or share, whatever the inflection and order', () => {
    for (const text of [
      'Google asked that its remarks on this item not be minuted.',
      'Anthropic asked not to be quoted on this point.',
      'OpenAI preferred that its comments not be attributed to it in the summary.',
      'Meta requested that the figures it presented not be shared outside the members of the Taskforce.',
      'Microsoft asked that this part of the discussion be left out of the published record.',
      'Aleph Alpha requested that its statement stay among the members.',
      'Anthropic asked that the members treat its presentation in confidence.',
      'The information on the release date is under embargo until 1 March.',
      'It asked members to keep the figure to themselves.',
    ]) {
      const found = suggest(text, compiled);
      expect(found.some((s) => s.kinds.includes('confidentiality_phrase')), text).toBe(true);
      expect(found.find((s) => s.kinds.includes('confidentiality_phrase'))!.text).toBe(text);
    }
  });

  it('does not take an institution explaining its procedure, or a question about the rules, for a request', () => {
    for (const text of [
      'The AI Office explained how it treats confidential information received under Article 78 of the AI Act.',
      'The AI Office explained that documents marked as confidential would be handled under its security rules.',
      'Aleph Alpha asked whether the confidentiality rules of the Taskforce also covered written contributions.',
      'Anthropic welcomed the agenda and had no comments on the minutes of the previous meeting.',
    ]) {
      expect(suggest(text, compiled).filter((s) => s.kinds.includes('confidentiality_phrase')), text).toEqual([]);
    }
  });
});

describe('spans and flag reasons', () => {
  it('covers the whole statement, merged with the name and number inside it, and proposes one flag reason', () => {
    const text = 'Jonas Weber (+49 30 1234 5678) said Aleph Alpha would sign a contract worth €30 million with a ministry.';
    const found = suggest(text, compileContext(CORPUS_CONTEXT));
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toBe(text);
    expect(found[0]!.kinds).toEqual(expect.arrayContaining(['contact', 'person', 'org_near_figure']));
    expect(found[0]!.flagReason).toBe('commercially_confidential');
    expect(suggest('Write to jonas.weber@example.org.', compiled)[0]!.flagReason).toBe('personal_data');
  });

  it('reports spans per sentence for the evaluation command', () => {
    const [out] = suggestParagraphs(
      [{ id: 'x', sentences: ['Amazon then reported on its cloud business in Europe.', 'It expected its new region to carry about a third of AI workloads.'] }],
      compiled,
    );
    expect(out!.spans).toEqual([
      expect.objectContaining({ sentence: 1, start: 0, end: 'It expected its new region to carry about a third of AI workloads.'.length, kind: 'org_near_figure' }),
    ]);
  });
});
