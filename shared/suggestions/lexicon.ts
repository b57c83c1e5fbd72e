/**
 * Word lists of the digit and date scan (triggers.ts) and the institutions, as regex fragments (applied to folded
 * text, whole words). Business words are lemma patterns (concepts.ts). Changing a list changes precision/recall on the
 * labelled corpora: run test/unit/suggestions-corpus.test.ts and test/unit/suggestions-paragraphs.test.ts.
 */

export const MONTHS_FULL = 'january|february|march|april|june|july|august|september|october|november|december';
export const MONTHS_ABBR = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
export const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Words after which "May" is the month and not the verb. */
export const BEFORE_MAY = 'in|by|until|till|from|before|after|of|early|mid|late|since|end|this|next|last|during|around';

/** Amounts without digits: "a few million euros", "hundreds of millions", "multi-billion". */
export const WORD_AMOUNTS = [
  '(?:multi[\\s-]*)?(?:million|billion|trillion)s?', '(?:hundreds|tens|thousands)[\\s-]+of[\\s-]+(?:thousands|millions|billions)',
  'thousands', '(?:six|seven|eight|nine|ten)[\\s-]+figure', '(?:two|three|four|five|six|seven|eight|nine|ten)[\\s-]*fold',
  '(?:two|three|four|five|six|seven|eight|nine|ten)[\\s-]+times[\\s-]+(?:larger|bigger|more|higher|faster|as)',
];

/** Relative and named periods. */
export const RELATIVE_DATES = [
  '(?:next|coming|following|upcoming)[\\s-]+(?:few[\\s-]+)?(?:quarters?|years?|months?|weeks?|spring|summer|autumn|winter|financial[\\s-]+year|fiscal[\\s-]+year)',
  '(?:later|earlier)[\\s-]+this[\\s-]+(?:year|quarter|month|spring|summer|autumn|winter)',
  'this[\\s-]+(?:year|quarter|spring|summer|autumn|winter)',
  '(?:end|beginning|start|middle|turn)[\\s-]+of[\\s-]+(?:the|this|next)[\\s-]+(?:year|quarter|month|decade)',
  '(?:year|quarter)[\\s-]+end', 'year-end',
  '(?:first|second|third|fourth|last)[\\s-]+(?:quarter|half)',
  '(?:spring|summer|autumn|winter)',
];

/** Words just before a number that make it a reference, not a figure: "item 3.2", "Article 53", "option 2". */
export const REFERENCE_WORDS = new Set([
  'item', 'items', 'article', 'articles', 'art', 'arts', 'point', 'points', 'section', 'sections', 'paragraph',
  'paragraphs', 'para', 'paras', 'annex', 'annexes', 'appendix', 'recital', 'recitals', 'measure', 'measures',
  'commitment', 'commitments', 'chapter', 'chapters', 'page', 'pages', 'p', 'pp', 'table', 'figure', 'fig',
  'footnote', 'document', 'documents', 'doc', 'ref', 'reference', 'regulation', 'directive', 'no', 'nr', 'nos',
  'number', 'version', 'v', 'room', 'meeting', 'step', 'option', 'options', 'question', 'questions', 'slide',
  'slides', 'line', 'lines', 'rule', 'rules', 'clause', 'clauses', 'phase', 'stage', 'tier', 'level', 'round',
  'wave', 'group', 'part', 'title', 'box', 'row', 'column', 'criterion', 'criteria', 'principle', 'element',
  'template', 'form', 'workstream', 'lot', 'decision', 'case', 'session', 'sub-item', 'subitem', 'objective',
  'category', 'annexe', 'amendment', 'amendments', 'draft', 'comment', 'comments', 'principles', 'sections',
  // procedural thresholds
  'majority', 'quorum', 'threshold', 'thresholds', 'vote', 'votes', 'floor', 'minimum',
]);

/** Words before the reference word that may be skipped: "threshold of 10^25", "Articles 53 and 55". */
export const SKIPPABLE_BEFORE = new Set([
  'of', 'the', 'a', 'an', 'than', 'more', 'less', 'least', 'at', 'above', 'below', 'and', 'or', 'to', 'under',
]);

/** Nouns after a number that make it a procedural count: "25 signatories", "2 out of 3 members". */
export const COUNT_NOUNS = new Set([
  'signatory', 'signatories', 'member', 'members', 'participant', 'participants', 'vote', 'votes', 'expert',
  'experts', 'organisation', 'organisations', 'organization', 'organizations', 'meeting', 'meetings', 'item',
  'items', 'question', 'questions', 'comment', 'comments', 'page', 'pages', 'slide', 'slides', 'group', 'groups',
  'seat', 'seats', 'abstention', 'abstentions', 'representative', 'representatives', 'delegate', 'delegates',
  'commitment', 'commitments', 'measure', 'measures', 'chapter', 'chapters', 'article', 'articles', 'point', 'points',
  'topic', 'topics', 'proposal', 'proposals', 'amendment', 'amendments', 'speaker', 'speakers', 'annex', 'annexes',
  'out', 'rounds', 'round', 'minutes',
]);

/** Words near a percentage that make it a procedural vote rule. */
export const PROCEDURAL_PERCENT = /(?:majority|quorum|threshold|vote|votes|voting|signatories|members|present|participants|abstention)/iu;

/**
 * Institutions: their own dates and plans are public business. A trigger whose nearest preceding actor is one of
 * these is theirs, not the member's.
 */
export const INSTITUTIONS = [
  'AI Office', 'European AI Office', 'Commission', 'European Commission', 'Commissioner', 'chair', 'chairperson',
  'secretariat', 'AI Board', 'Board', 'Scientific Panel', 'Advisory Forum', 'Member States', 'European Parliament',
  'Parliament', 'Council', 'Taskforce', 'co-legislators', 'AI Act', 'Code of Practice',
];
