/**
 * The concepts the paragraph rules look for, as lemma patterns (patterns.ts). Lemmas make one entry cover every
 * inflection ("acquire" covers acquired / acquiring; "negotiate" covers negotiating / negotiated); the groups below are
 * synonyms of one business idea, so that a new synonym is one word in one group.
 */
import { pattern, type Pattern } from './patterns';

const ps = (...list: string[]) => list.map((s) => pattern(s));

/** Deals: contracts, negotiations, partners, tenders, customers. Commercial in a member's mouth on their own. */
export const DEAL: Pattern[] = ps(
  'negotiate|negotiation|negotiating',
  'talks',
  'in … discussion|discussions|talks',
  'deal|contract|contracts|partnership|partnerships|tender|bid|bidding|pilot|pilots|customer|customers|client|clients|retailer|carmaker|buyer|buyers|offering',
  'letter of intent',
  'framework agreement',
  'sign|signed … contract|agreement|deal|memorandum|letter|customer|client',
  'sign up',
  'approached|contacted|sounded … by',
  'team up',
  'joint|jointly … offer|bid|venture|response|proposal|application|tender', 
  'call for proposals|tenders|tender',
  'supply|provide … model|models … to',
  'host|hosting … model|models',
  'reach|conclude|finalise|finalize … agreement|deal|alliance',
  'alliance|procurement|consortium|co-develop|co-developing|codevelop|jointly|agreement|agreements|licensing',
  'licence|license|licences|licenses … sign|signed|sell|sold|buy|bought|grant|granted|deal|fee|fees',
  'submit|submitted|make|put … offer|bid|proposal|tender',
  'trial|trialling|trialing|piloting|arrangement|arrangements|order|orders',
  'try|trying|tried … out',
  'chosen|selected|picked|shortlisted … by',
  'discuss|discussing|discussed … with',
  'for|with|to|by … administration|administrations|ministry|ministries|government|governments|authority|authorities|hospital|hospitals|bank|banks|insurer|insurers|municipality|municipalities|retailer|operator|utility|university|universities',
  'choose|chose|chosen|select|selected|adopt|adopted|pick|picked|opt … its|their platform|model|models|product|products|assistant|service|services|offer',
);

const wide = (...list: string[]) => list.map((x) => pattern(x, 10));

/** Money: capital, revenue, prices, costs, investment. */
export const MONEY: Pattern[] = [
  ...wide('demand|interest|business|sales|usage|uptake|take-up|adoption|revenue … rise|risen|rose|grow|grown|grew|increase|surge|jump|fall|fell|drop|decline|slow|below|short|exceed|exceeded'),
  ...ps(
  'capital|funding|fundraising|round|income|earnings|forecast|forecasts|projections|investor|investors|valuation|revenue|revenues|turnover|profit|profits|margin|margins|sales|pricing|price|prices|budget|spending|fee|fees|cost|costs',
  'invest|investment|investments',
  'raise … round|money|funds',
  'series a|b|c|d',
)];

/** Corporate moves and capacity: acquisitions, sites, hiring, compute. */
export const CORPORATE: Pattern[] = ps(
  'acquire|acquisition|takeover|purchase|buy|merge|merger',
  'take … over',
  'snap|snapped … up',
  'take|took|taken|gain|gained|acquire … control|stake|majority',
  'stake|stakes',
  'hire|hiring|headcount|recruit|expansion|jobs|roles',
  'open … office|site|centre|center|hub|region|cluster',
  'data centre|center|centres|centers',
  'datacentre|datacenter|cluster|gpus|gpu|tpus|capacity|region',
  'market share',
  'customer base',
  'anchor customer',
  'demand … exceed|exceeded|outstrip|outstripped|surpass|surpassed',

  'lose|lost … user|users|customer|customers|client|clients|share|market|contract|deal',
  'research|data|new|ai … centre|center|site|lab|hub|facility|campus',
  'employ|employs|employing',
);

/** Product plans and their timing. Commercial with a time, a quantity or a plan. */
export const PRODUCT: Pattern[] = ps(
  'launch|release|rollout|roll-out|ship|introduce|unveil|expand|deploy|migrate|migration|debut',
  'roll|rolled … out',
  'make|made … available',
  'availability|agent|agents|chatbot|app|platform|api|offering',
  'roll - out',
  'delay|postpone|slip|slipped|defer|deferred|deferral',
  'put … back|off',
  'hold|held … back',
  'push|pushed … back',
  'shut … down',
  'discontinue|deprecate|sunset|retire|withdraw',
  'stop|cease … offer|offering|sell|selling|support|supporting',
  'open-source|open-weight',
  'model|models|product|products|feature|features|assistant|service|services|version|tool|tools|documentation|project|projects|construction|centre|center|headquarters|site|sites|office|offices|hub|integration|integrate|relocate|relocation|flagship|compute|decision|operational|ready|train|training',
  'take|make|reach … decision',
  'to decide',
  'pull|pulled … from|out',
);

/** Market figures that need a quantity: users, downloads, growth. */
export const MARKET: Pattern[] = ps(
  'user|users|sign-ups|signups|volume|volumes|ads|advertising|download|downloads|subscriber|subscribers|grow|growth|increase|uptake|adoption|usage|traffic|workload|workloads|share|engineers|staff|employees|languages|administrations|ministries',
  'double|triple|quadruple|halve|doubled|tripled',
);

/** Forward-looking: a plan or expectation. */
export const FUTURE: Pattern[] = ps(
  'will|plan|plans|planned|intend|intention|aim|expect|prepare|preparing|due|schedule|scheduled|upcoming|forthcoming|considering|weigh|explore|evaluate|hope|target|roadmap|pipeline|soon',
  'about|close … to',
  'in the coming',
  'next model|release|version|generation|year|quarter|month|spring|summer|autumn|winter',
  'would',
  'should|will|would close|finish|end|complete',
);

/** Quantities written in words that the model's entities miss or that need their neighbour ("a third"). */
export const QUANTITY_WORDS: Pattern[] = ps(
  'half|twice|double|triple|threefold|fourfold|fivefold|tenfold|dozen|dozens|hundreds|thousands|millions|billions|handful|majority|bulk|fraction|factor|bn|mn',
  'a|one third|thirds|quarter|fifth|tenth|fourth',
  'most of',
);

/** Recalling the law and public facts: not a member's secret. */
export const LAW_OR_PUBLIC: Pattern[] = ps(
  'recall|remind|reminded',
  'ai act',
  'under … act|article|regulation|code',
  'article … 1|2|3|4|5|6|7|8|9|10|50|51|52|53|54|55|56|73|78|101',
  'the act',
  'public workshop|consultation|session|event|webinar|hearing|model|specification|framework|card|report|documentation|repository|website|blog|version|information|statement',
  'publicly|published|website|press',
  'had|has|have released|launched|published|presented|introduced',
  'had|has|have been updated|published|released|revised|presented',
  'public paper|papers|research|tool|tools|policy',
  'open workshop|session',
  'public|open … conference|day|event|forum|session|hearing|workshop|webinar|meeting', 
  'made|make|making public',
  'information session',
  'enter|entered … into force',
);

/** Subjects that speak for a group, not a member: "Members agreed…", "Several members…". */
export const GROUP_SUBJECTS = new Set([
  'members', 'member', 'participants', 'several', 'some', 'many', 'all', 'most', 'few', 'others', 'everyone', 'delegates',
  'chair', 'chairperson', 'secretariat', 'minutes', 'meeting', 'taskforce', 'signatories', 'providers', 'item', 'agenda', 'two', 'three',
]);

/** Words opening a sentence that keep the current speaker ("It…", "The company…", "Its…"). */
export const CARRY_SUBJECTS = new Set(['it', 'its', 'they', 'their', 'he', 'she', 'his', 'her', 'this', 'these', 'that', 'those', 'such']);
export const CARRY_NOUNS = new Set(['company', 'firm', 'provider', 'developer', 'organisation', 'organization', 'group', 'business', 'start-up', 'startup', 'lab', 'member', 'signatory']);

/** Words that may open a sentence before its subject. */
export const OPENERS = new Set(['then', 'also', 'next', 'finally', 'further', 'furthermore', 'moreover', 'in', 'reply', 'response', 'addition', 'for', 'part', 'turn', 'lastly', 'however', 'meanwhile', 'separately', ',', 'according', 'to', 'as', 'regards', 'on', 'behalf', 'of']);

/** Reporting verbs: "X said / indicated / reported …". */
export const REPORTING = new Set([
  'say', 'indicate', 'report', 'explain', 'note', 'state', 'mention', 'add', 'confirm', 'clarify', 'share', 'announce', 'inform',
  'stress', 'underline', 'point', 'highlight', 'express', 'present', 'describe', 'update', 'outline', 'tell', 'warn', 'reply',
  'respond', 'answer', 'give', 'provide', 'signal', 'acknowledge', 'disclose', 'reveal', 'argue', 'emphasise', 'emphasize', 'observe',
  'remark', 'specify', 'suggest', 'propose', 'recall', 'take', 'raise', 'ask', 'request', 'welcome', 'support',
  'turn', 'speak', 'comment', 'focus', 'move', 'talk', 'address', 'introduce', 'discuss', 'elaborate', 'continue', 'conclude',
  'begin', 'start', 'summarise', 'summarize', 'brief', 'walk', 'expect', 'plan', 'intend', 'confirm', 'explain',
]);

/** "X wondered whether / asked how …": a question, not a statement. */
export const QUESTION_VERBS = new Set(['wonder', 'ask', 'enquire', 'inquire', 'query', 'question']);
export const WH_WORDS = new Set(['whether', 'how', 'when', 'why', 'what', 'which', 'who', 'if']);

/** Delays: a member's product or deal being delayed is commercial news on its own. */
export const DELAY: Pattern[] = ps(
  'delay|delayed|postpone|postponed|slip|slipped|defer|deferred|deferral',
  'put … back|off',
  'hold|held|push|pushed … back',
);

/**
 * The Taskforce's own business: documents, procedure, meetings. A member's sentence about these is a position in the
 * process, not its commercial news.
 */
export const PROCEDURAL = new Set(
  (
    'template templates draft drafts guideline guidelines guidance glossary code minutes agenda meeting meetings comment comments ' +
    'questionnaire definition definitions chapter chapters section sections annex text texts document documents proposal proposals ' +
    'timeline timetable consultation workshop workshops webinar session sessions plenary subgroup presentation slides discussion ' +
    'faq form forms summary question questions example examples clarification clarifications point points view views reading review ' +
    'recording deadline period procedure compromise vote signatory signatories chair secretariat taskforce act article obligation ' +
    'obligations rule rules principle principles standard standards methodology approach format wording structure calendar planning ' +
    'member members participant participants colleague colleagues work programme program q&a helpdesk panel forum board office commission'
  ).split(' '),
);

/** Verbs of a position or a procedural act, not of news: "welcomed", "found the draft clear", "offered to present". */
export const OPINION_VERBS = new Set(
  (
    'welcome support agree thank find consider echo suggest propose comment ask wonder express recall refer offer raise question ' +
    'prefer regret appreciate endorse oppose object disagree favour favor call invite encourage request remind urge note_view'
  ).split(' '),
);

/** Verbs that describe how a member works (its methods), not news: "it relied on external red-teaming". */
export const METHOD_VERBS = new Set(
  'rely combine assess apply follow base consist include cover describe explain work test evaluate mitigate address handle treat document team'.split(' '),
);
