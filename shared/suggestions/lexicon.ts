/**
 * Word lists of the rules, as regex fragments (applied to folded text, case-insensitively, whole words).
 * Changing a list changes precision/recall on the labelled corpus: run test/unit/suggestions-corpus.test.ts.
 */

export const MONTHS_FULL = 'january|february|march|april|june|july|august|september|october|november|december';
export const MONTHS_ABBR = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
export const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Words after which "May" is the month and not the verb. */
export const BEFORE_MAY = 'in|by|until|till|from|before|after|of|early|mid|late|since|end|this|next|last|during|around';

/**
 * Forward-looking or commercial words: one of these next to a member's name is enough. Past-tense "launched",
 * "released", "published" are deliberately absent: they usually report public facts.
 */
export const STRONG_WORDS = [
  'plans?', 'planned', 'planning', 'intends?', 'intending', 'roadmaps?',
  'launch(?:es|ing)?', '(?<!press )releas(?:e|es|ing)', 'be released', 'upcoming', 'unreleased', 'unannounced',
  'next[\\s-]+generation', 'next(?:[\\s-]+(?:frontier|flagship|foundation|large|major))?[\\s-]+(?:models?|releases?|products?)',
  'successor(?:[\\s-]+models?)?', 'pricing', 'prices?', 'priced', 'revenues?', 'turnover', 'profits?', 'profitability',
  'margins?', 'sales', 'capacity', 'capacities', 'customers?', 'clients?', 'market[\\s-]+shares?', 'gpus?', 'tpus?',
  'accelerators?', 'chips', 'training[\\s-]+runs?', 'forecasts?', 'forecasted', 'pipeline', 'acquisitions?',
  'acquire', 'acquiring', 'mergers?', 'partnerships?', 'investments?', 'investing', 'invest', 'investors?', 'funding',
  'fundraising', 'valuation', 'ipo', 'data[\\s-]+cent(?:re|er)s?', 'datacent(?:re|er)s?', 'clusters?', 'headcount',
  'hiring', 'hire', 'recruit(?:ing|ment)?', 'budgets?', 'contracts?', 'deals?', 'negotiat(?:e|es|ed|ing|ions?)',
  'licen[cs](?:e|ing)[\\s-]+(?:deals?|agreements?|fees?)', 'fees', 'subscriptions?', 'subscribers?',
  'roll[\\s-]*outs?', 'rolling[\\s-]+out', 'go[\\s-]+to[\\s-]+market', 'discontinu(?:e|es|ing)', 'deprecat(?:e|es|ing|ion)',
  'sunset(?:ting)?', 'postpone(?:d|ment)?', 'delayed', 'expansion', 'spending', 'expenditures?', 'commerciali[sz](?:e|ation|ing)',
  'early[\\s-]+access', 'waitlist', 'shareholders?', 'competitors?', 'scheduled[\\s-]+for', 'due[\\s-]+(?:in|by)',
  'expects?[\\s-]+to', 'will[\\s-]+(?:launch|release|introduce|open|start|stop|offer|deploy|migrate|raise|lower|reach|exceed|double|triple)',
];

/** Weaker signals: two different ones next to a member's name are needed. */
export const WEAK_WORDS = [
  'compute', 'markets?', 'products?', 'business', 'commercial', 'users', 'deployments?', 'deploy(?:ing)?', 'scale',
  'scaling', 'soon', 'shortly', 'expects?', 'expected', 'targeted', 'target(?:ing)?', 'scheduled', 'timelines?', 'due',
  'new[\\s-]+models?', 'strategy', 'strategic', 'growth', 'grow', 'doubl(?:e|es|ed|ing)', 'tripl(?:e|es|ed|ing)',
  'expand(?:ing)?', 'internal', 'agreements?', 'enterprise', 'intention', 'considering', 'tokens', 'parameters',
  'infrastructure', 'pilot', 'costs?', 'staff', 'teams?', 'offering', 'withdraw(?:ing)?', 'migrat(?:e|ed|ing|ion)',
];

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

/** Words near a date that make it meeting logistics rather than a plan. */
export const PROCEDURAL_DATE =
  /(?<![\p{L}])(?:meetings?|meet|session|sessions|plenary|workshops?|webinars?|conference|calls?|agenda|minutes|comments|written[\s-]+procedure|consultation|taskforce|ad[\s-]+hoc[\s-]+groups?|rules[\s-]+of[\s-]+procedure|vote|feedback|contributions?)(?![\p{L}])/iu;

/**
 * Institutions: their own dates and plans are public business. A trigger whose nearest preceding actor is one of
 * these is theirs, not the member's.
 */
export const INSTITUTIONS = [
  'AI Office', 'European AI Office', 'Commission', 'European Commission', 'Commissioner', 'chair', 'chairperson',
  'secretariat', 'AI Board', 'Board', 'Scientific Panel', 'Advisory Forum', 'Member States', 'European Parliament',
  'Parliament', 'Council', 'Taskforce', 'co-legislators', 'AI Act', 'Code of Practice',
];

/** A following sentence that starts like this continues about the organisation of the previous one. */
export const REFERRING_START = /^(?:it|its|they|their|the (?:company|firm|provider|developer|organisation|organization)|this|these|he|she|his|her)(?![\p{L}])/iu;

/** Phrases by which a speaker marks something as not for the public summary. "Confidentiality" (the topic) is not one. */
export const CONFIDENTIALITY_PHRASES = [
  'confidential', 'confidentially', 'strictly confidential',
  '(?:commercially|competitively|business|market|price)[\\s-]+sensitive', 'sensitive[\\s-]+information',
  'not[\\s-]+for[\\s-]+(?:publication|attribution|quotation|(?:public[\\s-]+)?(?:release|distribution|circulation|disclosure))',
  'off[\\s-]+the[\\s-]+record', 'under[\\s-]+(?:an?[\\s-]+)?(?:nda|non[\\s-]+disclosure[\\s-]+agreements?)', 'ndas?',
  'non[\\s-]+disclosure[\\s-]+agreements?', 'embargo(?:ed|es)?', 'under[\\s-]+embargo',
  'internal(?:[\\s-]+use)?[\\s-]+only', 'for[\\s-]+internal[\\s-]+use', 'eyes[\\s-]+only', 'need[\\s-]+to[\\s-]+know',
  '(?:do|did|should|must|could|would|please)[\\s-]+not[\\s-]+(?:be[\\s-]+)?(?:share|shared|circulate|circulated|forward|forwarded|distribute|distributed|disclose|disclosed|quote|quoted|minute|minuted|attribute|attributed|repeat|repeated)',
  'not[\\s-]+to[\\s-]+(?:be[\\s-]+)?(?:share|shared|circulate|circulated|forward|forwarded|distribute|distributed|disclose|disclosed|quote|quoted|minute|minuted|attribute|attributed)',
  "(?:don't|do[\\s-]+not)[\\s-]+(?:share|circulate|forward|distribute|disclose|quote)",
  'in[\\s-]+(?:strict(?:est)?[\\s-]+)?confidence', 'chatham[\\s-]+house(?:[\\s-]+rules?)?',
  '(?:trade|business)[\\s-]+secrets?', 'proprietary', 'privileged[\\s-]+(?:and|&)[\\s-]+confidential',
  'not[\\s-]+(?:yet[\\s-]+)?(?:public|publicly[\\s-]+(?:available|announced|known))', 'non[\\s-]+public',
  '(?:has|have|had)[\\s-]+not[\\s-]+(?:yet[\\s-]+)?been[\\s-]+(?:announced|disclosed|made[\\s-]+public)',
  'not[\\s-]+yet[\\s-]+(?:announced|disclosed)',
  '(?:restricted|limited)[\\s-]+(?:distribution|circulation)', 'between[\\s-]+us',
];
