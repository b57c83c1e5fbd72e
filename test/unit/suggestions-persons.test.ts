import { describe, expect, it } from 'vitest';
import { compileContext, suggest, type SuggestionContext } from '../../shared/suggestions';
import { CORPUS_CONTEXT } from '../fixtures/suggestions-corpus';

/**
 * People not on the roster (persons.ts) against organisation names: a run of capitalised proper nouns is a person's
 * name only when nothing marks it as a company ("Beta Robotics", "Gamma Vision Ltd", "Black Forest Labs").
 */
const roster = compileContext({ ...CORPUS_CONTEXT, dismissed: [] });
const bare = compileContext({ organisations: [], people: [], sensitiveTerms: [], dismissed: [] });
const persons = (text: string, c = bare) => suggest(text, c).filter((s) => s.kinds.includes('person')).map((s) => s.text);

describe('organisation names are not persons', () => {
  it.each([
    'Beta Robotics presented its approach.',
    'The representative of Beta Robotics welcomed the draft.',
    'Gamma Vision Ltd sent apologies.',
    'Quantum Dynamics GmbH welcomed the draft.',
    'Nova Robotics AG agreed with the chair.',
    'Black Forest Labs agreed with the chair.',
    'Orion Analytics Inc. asked about the timeline.',
    'Acme AI asked a question.',
    'Beta Vision AI asked a question.',
    'Mistral AI and Aleph Alpha spoke.',
    'Helsing agreed.',
    'Northwind Technologies and Delta Systems welcomed the draft.',
  ])('%s', (text) => {
    expect(persons(text)).toEqual([]);
    expect(persons(text, roster)).toEqual([]);
  });

  it('knows an organisation of the roster whatever its shape', () => {
    const ctx: SuggestionContext = {
      organisations: [{ name: 'Deep Mind', shortName: 'Deep Mind' }, { name: 'Helsing', shortName: 'Helsing' }],
      people: [],
      sensitiveTerms: [],
      dismissed: [],
    };
    expect(persons('Deep Mind and Helsing agreed.', compileContext(ctx))).toEqual([]);
  });
});

describe('real persons are still found', () => {
  it.each([
    ['Dr Anna Novak spoke.', ['Dr Anna Novak']],
    ['Ms Kowalska agreed.', ['Ms Kowalska']],
    ['Mr Smith and Prof Rossi agreed.', ['Mr Smith', 'Prof Rossi']],
    ['Jean-Pierre Dubois said he agreed.', ['Jean-Pierre Dubois']],
    ['José García Márquez asked about timing.', ['José García Márquez']],
    ['Ana García-López asked about timing.', ['Ana García-López']],
    ['María Ruiz y Picasso asked about timing.', ['María Ruiz y Picasso']],
    ['Novak (Beta Robotics) noted the point.', ['Novak']],
    ['Novak (Gamma Vision Ltd) noted the point.', ['Novak']],
    ['The representative of Beta Robotics, John Smith, agreed.', ['John Smith']],
    ['Anna Novak of Gamma Vision Ltd said she agreed.', ['Anna Novak']],
    ['Dr Anna Novak (Acme AI) spoke.', ['Dr Anna Novak']],
    ['Pieter van der Berg from Black Forest Labs spoke.', ['Pieter van der Berg']],
    // "AI" before a common noun describes the person's job, not a company: fail closed.
    ['Anna Novak AI policy lead at Beta Robotics spoke.', ['Anna Novak']],
  ])('%s', (text, expected) => {
    expect(persons(text)).toEqual(expected);
    expect(persons(text, roster)).toEqual(expected);
  });
});
