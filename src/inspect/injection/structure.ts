/**
 * Structural signals: what an instruction aimed at the agent cannot avoid saying, whatever the wording.
 *
 * An injection has to (a) reach the model — address it, or name it as the one who must act — and
 * (b) ask for something about the agent's own behaviour: change its task, call a tool, move data,
 * hide something from the user, claim authority, assume a role, persist in memory, or touch secrets.
 * Each of those is a *family* with a lexicon in the twelve languages. A family alone says little
 * (docs address "agents", e-mails say "forward", guides say "instead"); the evidence is the
 * combination of families inside a short span of consecutive sentences, which also catches
 * instructions split across sentences. Weights grow with the number of distinct families.
 *
 * Patterns are bounded (no nested unbounded repetition), so every test is linear in the span.
 */
import { execAll, topLevelAlternatives } from './regex.js';
import type { Surface } from '../types.js';
import type { InjectionLanguage } from './config.js';
import { EMAIL, SECRET_OBJECTS, SEND_VERBS, USER_DATA } from './lexicon.js';
import { SECRET_PATH } from './rules.js';

export type Family =
  | 'reader' // text addressed to the model as its reader ("AI agent reading this", "Note to the assistant")
  | 'subject' // the model named as the one who must act ("the assistant should …", "assistants may …")
  | 'task' // changes the task ("instead", "before answering", "from now on", "your new task")
  | 'self' // the agent's own instructions, prompt, memory, answer, user
  | 'tool' // invoking tools, commands, shells
  | 'move' // moving data to a destination
  | 'conceal' // hiding something from the user
  | 'authority' // system/developer/vendor authority or granted permission
  | 'role' // role-play framings
  | 'memory' // persisting an instruction for future sessions
  | 'sensitive' // secrets, secret files, the conversation, the user's personal data, destructive or financial actions
  | 'override' // replaces the agent's instructions ("a new rule", "replaces the ones you started with")
  | 'output' // puts something into the agent's own answer ("put it in your reply")
  | 'dictate' // dictates what the agent tells the user ("always tell them that …")
  | 'cross' // other servers or other tools (descriptions that steer beyond their own tool)
  | 'param' // a named argument or field (descriptions that ask for data in a parameter)
  | 'marker' // a conversation-turn header inside content ("### User:" on its own line)
  | 'harvest' // secrets or data gathered from elsewhere: files, the environment, the conversation, "every key"
  | 'ownkey' // the tool's own credential ("optional GitHub token for this call")
  | 'command'; // a command right after an address to the model

type Lexicon = Partial<Record<Family, string>>;

/** Characters of pattern source per compiled family expression (see the StructureScanner constructor). */
const PATTERN_BUDGET = 8000;

/** Packs the alternatives of `sources` into as few patterns as fit `budget` characters each. */
export function packAlternatives(sources: readonly string[], budget: number): string[] {
  const chunks: string[] = [];
  let cur: string[] = [];
  let size = 0;
  for (const alt of sources.flatMap(topLevelAlternatives)) {
    if (cur.length && size + alt.length > budget) {
      chunks.push(cur.map((x) => `(?:${x})`).join('|'));
      cur = [];
      size = 0;
    }
    cur.push(alt);
    size += alt.length + 5;
  }
  if (cur.length) chunks.push(cur.map((x) => `(?:${x})`).join('|'));
  return chunks;
}

/** The model named by its kind: "AI agent", "language model", "Claude", "coding assistant". */
const M_EN =
  "(?:(?:AI|LLM|GPT|model)[- ](?:based|powered|driven) (?:readers?|systems?|tools?|crawlers?|agents?|assistants?)|(?:digital |virtual |automated |autonomous |coding |helpful |translating |summari[sz]ing )?(?:AI(?:[ -](?:assistant|agent|model|system|bot|reader|reviewer|summari[sz]er))?|A\\.I\\.|LLM|large language model|language model|assistant|agent|chat ?bot|bot|model|copilot|summari[sz]er|ChatGPT|Claude|Gemini|GPT(?:-\\d\\w*)?)s?)";
/**
 * Also automated readers named by their job ("the automated triage helper", "automated upgrade tools").
 * Used only in header-like addresses: inlined into every alternative it would make the family patterns
 * several times slower.
 */
const M_WIDE = `(?:(?:automated|automatic|AI|AI-powered|LLM|LLM-based|digital|virtual|autonomous|coding) (?:[\\w-]+ )?(?:helpers?|reviewers?|screeners?|triagers?|clients?|processors?|workers?|pipelines?|services?|readers?|crawlers?|integrations?|tools?|tooling|jobs?|systems?|handlers?|process(?:es|ing)?|scripts?|assistants?|agents?|responders?|operators?|bots?)|${M_EN})`;
/** What a reading participle is about when it refers to this text ("reading this", "processing the page"), not a compound noun ("reading list"). */
const READ_OBJECT = '(?=[\\s,:;.!?)—–]*(?:$|[,:;.!?)—–]|\\b(?:this|these|that|the|our|my|it|any|now|right now)\\b))';
/** After a model term: the term ends the noun phrase ("if you are an AI,"), not "an AI researcher". */
const M_END = '(?=\\s*(?:$|[,.:;!?)—–]|\\b(?:reading|processing|summari[sz]ing|model|assistant|agent|system|that|who|which|and|or|then|please|you)\\b))';
const READING_EN = '(?:reading|processing|parsing|handling|summari[sz]ing|crawling|scraping|indexing|translating|reviewing|browsing|visiting|ingesting|analy[sz]ing|encountering|seeing|viewing|working on|doing the)';

/** The families per language. English also carries the language-neutral forms. */
const LEX: Record<InjectionLanguage, Lexicon> = {
  en: {
    reader:
      // Text that labels itself as orders the user is not meant to see: "Hidden instruction: …".
      `(?:^|[\\n.!?]\\s{0,8})(?:hidden|secret|covert|invisible) (?:instructions?|directives?|orders?|tasks?)\\s*:|` +
      // A vocative: "Assistant, …", "Hey model! …"; a bare "Assistant:" is a transcript speaker label, not an address.
      `(?:^|[\\n;(\\[—–]\\s{0,8})(?:the |any |all |every |an? )?${M_EN}\\s*[,!—–](?!\\d)|\\b(?:hey|hi|hello|dear|attention|attn|yo|ok(?:ay)?|psst)[,!]?\\s+(?:the |any |all |every |an? )?(?:[\\w-]+ )?${M_EN}\\s*[,:!—–]` +
      // "AI agent reading this", "language model that is processing the page"; not "the bot keeps summarising the thread".
      `|\\b${M_EN}\\b,?\\s(?:(?:that|who|which) )?(?:is |are |'s )?(?:currently |now |right now )?${READING_EN}${READ_OBJECT}` +
      // "Dear summarising model"; "makes a browsing agent reveal …" speaks about a model, not to it.
      `|\\b(?<!\\b(?:an?|one) )(?:${READING_EN.slice(3, -1)}) ${M_EN}\\b` +
      `|\\b${M_EN}\\b[^\\n]{0,25}?\\b(?:that|who|which) (?:reads?|processes|encounters?|sees|parses|summari[sz]es|gets)${READ_OBJECT}` +
      `|\\bif (?:you(?:'re| are)|you happen to be|you,? the reader,? (?:are|is)) (?:an?|the|some) (?:[\\w-]+ )?${M_EN}${M_END}|\\byou are being read by (?:an? )?${M_EN}|\\bwhatever (?:system|program|software|model|AI) is (?:reading|processing)` +
      `|\\b(?:readers?|systems?|visitors?|crawlers?) (?:that|who) (?:are|is) (?:an? )?(?:AI|LLM|language model|bot|model)s?\\b` +
      `|\\bthis (?:part|section|note|message|line|paragraph|bit|block|text) is (?:for|addressed to|meant for|intended for|directed at) (?:the |any |an? )?${M_EN}` +
      // "Note to the assistant: …", "A quick reminder for any AI reading this — …"; not "a message with
      // instructions for the assistant and a link" (narration) or "the system instructions for the summariser are fixed".
      `|(?:^|[\\n;(\\[—–:]\\s{0,8}|<!--\\s{0,8})(?:[\\w.'-]+ ){0,3}?(?:note|notice|message|reminder|heads-?up|request|memo|word|attention) (?:to|for|of) (?:the |any |all |every |an? )?(?:[\\w-]+ ){0,2}?${M_WIDE}\\b` +
      `|(?<!\\b(?:contains?|containing|has|have|with|includes?|including|adds?|added|writes?|wrote|plants?|planted|hides?|hid|reads?|follows?|obeys?|like|as)\\s)\\b(?:note|notice|message|reminder|heads-?up|instructions?|request|memo|word|attention|guidance|guidelines|directions) (?:to|for|of) (?:the |any |all |every |an? )?(?:[\\w-]+ ){0,2}?${M_EN}\\b(?=[^\\n.]{0,40}?[:,—–])` +
      // A conditional address: "If an assistant is planning this trip for somebody, it is expected to …".
      `|\\bif (?:an?|the|any|some) (?:[\\w-]+ )?${M_EN} (?:is|are) (?:now |currently )?[a-z]+ing\\b` +
      `|(?:^|[\\n:;(\\[—–]\\s{0,8})(?:to|for) (?:the |any |all |every |an? )${M_WIDE}\\b[^\\n]{0,40}?:` +
      `|@(?:assistant|agent|ai|bot|model|claude|copilot)\\b` +
      // Plural labels are not transcript speakers: "agents: run …", "<!-- LLMs: …".
      `|(?:^|[\\n;(\\[—–]\\s{0,8}|<!--\\s{0,8})(?:all |any )?(?:(?:coding|automated|autonomous|browsing|research|review|reviewing|summari[sz]ing|shopping|e-?mail|mail|inbox|calendar|deployment|triage|support) )?(?:agents|assistants|models|bots|LLMs|AIs|AI agents|AI assistants|language models|crawlers|(?:automated|AI) (?:[\\w-]+ )?(?:clients|helpers|reviewers|tools|systems|readers|scripts|processes))\\s*:` +
      // A header naming the model by what it is doing with this content: "Screening models evaluating this CV:".
      `|(?:^|[\\n;(\\[—–]\\s{0,8}|<!--\\s{0,8})(?:[\\w'-]+ ){0,2}?${M_WIDE} [a-z]+ing\\b[^\\n.:—–]{1,50}[:—–]` +
      // A header that addresses a model by what it does here, whatever the words around it: "Remediation for
      // the calling agent:", "P.S. for the mail assistant that sorts Dana's inbox:", "A word to whichever model …:".
      `|(?:^|[\\n;:(\\[—–]\\s{0,8}|<!--\\s{0,8})(?:(?!(?:returned|sent|passed|given|shown|exposed|visible|available|leaked|forwarded|provided|known|revealed|copied|uploaded|posted|written|sends|returns|passes|shows|exposes)\\b)[\\w.'-]+ ){0,7}?(?:to|for) (?:the |any |all |every |each |whichever |whatever |an? )(?:[\\w'-]+ ){0,3}?${M_WIDE}\\b[^\\n.:—–]{0,60}?\\s*[:—–]` +
      `|\\bwhoever'?s (?:[\\w-]+ )?${M_EN}\\b|\\byou \\((?:the |an? |my |our )?(?:[\\w-]+ )?${M_EN}\\)` +
      // Whatever handles this content, named by what it does: "Whoever is generating the review summary:",
      // "If this document is being processed by a language model …", "Any system that reviews this Agreement".
      `|\\bwhoever(?:'s| is)? [a-z]+ing\\b[^\\n.:]{0,60}[:,]|\\bwhoever (?:is )?[a-z]+ing\\b[^\\n.]{0,60}?\\b(?:could|can|should|must|would|please)\\b|\\bwhoever(?: \\([^()\\n]{1,30}\\))? (?:handles|processes|reads|opens|sees|triages|picks up|works on|receives|summari[sz]es)\\b[^\\n.]{0,40}?(?:[:,—–]|\\b(?:next )?(?:must|should|needs to)\\b)` +
      `|\\bif this (?:[\\w-]+ ){0,2}?(?:is|gets) being (?:processed|read|summari[sz]ed|analy[sz]ed|reviewed|handled|parsed|screened|translated) by (?:an?|the|any) (?:[\\w-]+ )?${M_EN}` +
      `|\\b(?:when|once|if|after) (?:this|the|these) (?:[\\w-]+ ){0,2}?(?:is|gets|are) (?:read|processed|summari[sz]ed|analy[sz]ed|reviewed|handled|parsed|opened|seen) by (?:an?|the|any|your) (?:[\\w-]+ ){0,2}?${M_EN}` +
      `|(?:^|\\n)[ \\t]*#{1,6}[ \\t]*(?:(?:a )?(?:note|notes|instructions?|guidance|rules) )?(?:for|to) (?:the |all |any )?(?:[\\w-]+ ){0,2}?${M_EN}\\b[^\\n]{0,60}$` +
      `|\\b(?:processing )?(?:instructions?|notes?|rules?|guidance|policy|reminder) for (?:[\\w-]+ ){0,2}?(?:pipelines?|processors?|systems?|tools?|tooling|agents?|assistants?|models?|bots?|crawlers?|readers?|handlers?|jobs?|services?|processing|automation)\\s*[:—–]` +
      `|\\b(?:[\\w-]+ )?(?:systems?|tools?|pipelines?|services?|processes|jobs?|handlers?) (?:(?:that are |which are )?(?:reading|processing|parsing|handling|screening|scanning|reviewing|summari[sz]ing|importing|ingesting)|(?:that|which) (?:read|process|summari[sz]e|review|parse|import|screen|handle)s?) (?:this|these)\\b` +
      `|\\b(?:any|every|each) (?:[\\w-]+ )?(?:system|tool|program|software|process|service|pipeline|model|agent|assistant)s? (?:that|which) (?:reviews?|reads?|processes|summari[sz]es|analy[sz]es|handles|parses|imports?|screens?) (?:this|these)\\b` +
      // Instructions for whatever handles this content, with no model named: "--- Instructions for processing this ticket ---".
      `|\\b(?:instructions?|guidance|directions|notes?|steps|rules) (?:for|when) (?:processing|handling|summari[sz]ing|triaging|reviewing|reading|answering|parsing|indexing) (?:this|these)\\b` +
      // Fields and headers named for the model: LABEL agent.instructions=…, "Agent-Directive:", "X-AI-Hint:".
      `|\\b(?:agent|ai|llm|assistant|model|copilot)[._-](?:instructions?|directives?|notes?|hints?|prompts?|guidance|tasks?|actions?|commands?)\\b["']?\\s*[:=]` +
      `|\\bX-(?:AI|Agent|LLM|Assistant|Model|Bot)-[\\w-]+\\s*:` +
      `|\\bwhoever (?:is )?(?:reads|reading|processes|processing|parses|parsing) (?:this|these)\\b` +
      // A header that picks out "any"/"whichever" model as its addressee, however it is worded around it:
      // "Attention any automated reviewer:", "Message for whichever AI model ends up with this text:".
      `|(?:^|[\\n;(\\[—–]\\s{0,8})(?:[\\w'-]+ ){0,5}?(?:any|whichever|whatever|every|each) (?:[\\w-]+ ){0,2}?${M_EN}\\b[^\\n.:—–]{0,40}?\\s*[:—–]` +
      `|\\b(?:greetings|salutations|good (?:morning|afternoon|evening|day)|(?:hello|hi|hey|yo) there)[,!]?\\s+(?:the |an? |dear |my )?(?:(?:friendly|little|kind|smart|fellow|dear) )?${M_EN}\\s*(?:[.,:!—–]|[\\uD83C-\\uD83E\\u2600-\\u27BF])` +
      // A header that names the model by what it is doing here: "Assistant managing this calendar:".
      `|(?:^|[\\n;(\\[—–]\\s{0,8})(?:the |any |an? )?${M_EN} (?:managing|handling|running|operating|maintaining|helping with|assisting with|working on|in charge of|responsible for|with access to|connected to) (?:this|these|the|my|our|your) [^\\n.:—–]{1,40}[:—–]` +
      `|(?:^|[\\n;(\\[—–]\\s{0,8})(?:[\\w'-]+ ){0,3}?automated (?:[\\w-]+ )?(?:readers?|visitors?|reviewers?|agents?|systems?|assistants?|crawlers?|tools?)\\b[^\\n.:—–]{0,30}?\\s*[:—–]`,
    subject:
      `\\b(?:the|any) [a-z]+ing (?:system|process|tool|pipeline|service|job|handler|workflow)s? (?:should|must|shall|is to|needs to)\\b|\\bhave (?:the|your|an?) (?:[\\w-]+ )?${M_EN} (?:process|send|pay|wire|transfer|approve|grant|delete|share|forward|run|merge|export|book|buy|order)\\b|\\b(?:the|any|an?|all|every|each|its|our|your|whichever)\\s+(?:[\\w-]+\\s+){0,2}?(?:${M_EN}|AI summary|AI summaries|AI answer)\\b[^\\n]{0,40}?\\b(?:should|must|shall|needs? to|has to|have to|(?:is|are) (?:required|expected|supposed|obliged|instructed|authori[sz]ed|allowed|permitted|asked|told|to)\\b|may (?:now|disclose|share|reveal|send|run|ignore|skip|bypass|execute|access))` +
      `|(?:^|[\\n>:;]\\s{0,8})${M_EN}\\b[^\\n]{0,40}?\\b(?:should|must|shall|needs? to|has to|is (?:required|expected|supposed) to)\\b` +
      `|\\b(?:assistants|agents|models|LLMs|bots|summari[sz]ers|AI systems|AI tools|AI crawlers)\\b[^\\n]{0,50}?\\b(?:should|must|may (?:now|disclose|share|reveal|send|run|ignore|skip|bypass|execute|access)|are (?:required|expected|allowed|permitted|authori[sz]ed) to)\\b` +
      `|\\b${M_EN}\\b[^\\n]{0,50}?\\b(?:is|are) (?:kindly |politely |hereby |respectfully |now )?(?:asked|requested|invited|encouraged|instructed|told|advised|directed|expected) to\\b` +
      `|\\b(?:correct|ideal|proper|right|expected|appropriate|only acceptable) (?:behaviou?r|response|answer|reply|action|output) (?:for|of|to) (?:an?|the|any) (?:${M_EN}|user'?s? question)` +
      `|\\b(?:correct|ideal|proper|right|best|expected|appropriate|only acceptable) (?:way|thing|course of action|approach|move) (?:for|of) (?:an?|the|any|every) (?:[\\w-]+ )?${M_EN}\\b` +
      // What gets produced from this content is the model's output: "Any summary of this document … must conclude …".
      `|\\b(?:summar(?:y|ies)|descriptions?|answers?|responses?|overviews?|analys[ie]s|reviews?|translations?|outputs?) (?:of|about|for|generated from|produced from|based on|derived from|written about) (?:this|these|the above|the following) (?:document|page|post|site|website|article|repository|repo|e-?mail|message|text|content|thread|file|listing|product|paper|report|contract|agreement)s?\\b[^\\n]{0,60}?\\b(?:must|should|shall|(?:is|are) (?:to|expected to|required to))\\b` +
      `|\\bthis (?:document|page|post|site|website|article|product|company|repository|text|listing|paper|vendor|supplier) (?:should|must|shall|is to) (?:always )?be (?:described|summari[sz]ed|presented|portrayed|characteri[sz]ed|called|referred to|rated|ranked|recommended|treated)\\b`,
    task:
      "\\bwhen (?:this|the) (?:[\\w-]+ ){0,2}?(?:is|gets|are) (?:summari[sz]ed|read|processed|translated|reviewed|analy[sz]ed|imported|opened)\\b|\\bonce (?:these|this|the) (?:[\\w-]+ ){0,2}?(?:is|are) (?:summari[sz]ed|read|processed)\\b|\\b(?:(?:a |your )?new (?:task|assignment|priority|objective)\\s*[,:—–]|higher priority than|instead|also|additionally|in addition|as well|(?:when|if|whenever) (?:users?|the user|someone|anyone|people|customers?) (?:asks?|requests?|mentions?)|before (?:answering|responding|replying|you (?:answer|respond|reply|continue|proceed|do anything))|after (?:your|you) (?:answer|reply|respond|finish)|from (?:now|here|this (?:point|message|moment)) on|from now|going forward|henceforth|for the rest of (?:this|the) (?:conversation|session|chat)|regardless of (?:what|the)|no matter what|rather than|stop (?:summari[sz]ing|translating|answering|replying|what you|doing|helping|following)|your (?:real|new|actual|true|only|primary|main|next) (?:job|task|mission|goal|purpose|objective|role|instructions?|priority)|(?:replaces?|overrides?|supersedes?) (?:the ones|your|any|all|the (?:instructions|rules))|(?:a|one) new rule|when (?:users?|the user|someone|people|customers?) asks?|when (?:summari[sz]ing|you summari[sz]e|translating|you translate|answering|you answer|you compare|comparing|analy[sz]ing|you analy[sz]e|reviewing|you review|you read|you process|processing))\\b",
    self:
      "\\byour (?:report|analysis|comparison|recommendation|draft)\\b|\\b(?:instructions|rules|guidelines|prompt|directions) you (?:were|have been|got) given\\b|\\b(?:at the (?:start|beginning)|earlier|previously) (?:of|in) (?:this|the) (?:session|conversation|chat)\\b|\\b(?:everything|anything|all) (?:the user|they|you) (?:has|have) (?:said|typed|written|shared|told you)\\b|\\b(?:this|your) user\\b|\\byour (?:instructions|guidelines|rules|system prompt|prompt|configuration|config|memory|context|tools?|answer|reply|response|summary|output|next (?:reply|message|answer|response)|restrictions|policies|filters|safety|operator|developers?|owner|principal|content (?:policy|restrictions))\\b|\\b(?:configured|told|instructed|programmed) you\\b|\\bthe (?:person|human|customer|caller|one) you(?:'re| are) (?:helping|assisting|working for|talking to|serving)|\\bwho(?:ever)? you(?:'re| are) working for|\\byou (?:answer|reply|respond|summari[sz]e|translate|write back)\\b|\\b(?:whatever|what|everything|anything) you (?:say|write|output|answer|reply) next\\b|\\b(?:for|of) your (?:user|owner|principal|human)\\b|\\b(?:previous|earlier|prior) (?:assistant |system )?messages\\b|\\b(?:system prompt|hidden (?:configuration|instructions|prompt)|(?:chat|conversation) history|this (?:chat|conversation)|the user(?:'s)? (?:question|request|message|query))\\b|\\bthe user\\b",
    tool:
      '\\b(?:call|invoke|use|run|execute|trigger|fire)\\b[^\\n]{0,30}?\\b(?:tools?|functions?|commands?|shell|terminal|plugins?|browser|API)\\b|\\bopen\\b[^\\n]{0,80}?\\bin (?:the |their |your |a new )?(?:browser|tab)\\b|\\btool calls?\\b|\\b(?:shell|terminal) command\\b|\\bcurl\\s[^|\\n]{0,100}\\|\\s*(?:ba|z)?sh\\b|\\bDROP TABLE\\b|\\brm -rf\\b',
    conceal:
      "\\b(?:must|should|do|does|will) not (?:reveal|disclose|mention|explain) (?:this|these|the) (?:rule|instruction|note|requirement|directive|step|policy)s?\\b|\\b(?:do not|don't|never) (?:surface|expose|show|display)\\b[^\\n.]{0,30}?\\b(?:to )?(?:the |end[- ])?users?\\b|\\b(?:do not|don't|never|no need to) (?:bring (?:it|this|that) up|bother (?:the )?users? with|(?:ask|check with|confirm with) (?:the |your )?(?:user|customer|human|owner)s? (?:for (?:confirmation|approval|permission|consent|sign-?off)|before|first)|report\\b[^\\n.]{0,30}\\bback)\\b|\\b(?:do not|don't|never|no need to) wait for (?:the |your )?(?:(?:user|human|owner)'?s?|(?:user'?s? |human )?(?:confirmation|approval|sign-?off))\\b|\\b(?:must|should|shall|may|do|does|will) not (?:reveal|disclose|mention|show|explain|describe|flag|report|notify|tell|inform)\\b[^\\n.]{0,60}?\\b(?:to )?(?:the |this |your )?(?:user|customer|human|requester)s?\\b|\\b(?:never|do not|don't|must not|should not) (?:disclose|reveal|admit|mention) (?:that|where|why|how) (?:this|these|the|it|you)\\b|\\bwithout (?:any |a |the user'?s? )?(?:confirmation|approval|review|sign-?off)\\b|\\bno need to wait for\\b|\\b(?:does not|doesn't|do not|don't|won't|will not|no) need (?:a |any |an |another |the )?(?:[\\w-]+'s? )?(?:review|approval|sign-?off|confirmation|human|second look|escalation)\\b|\\bno (?:need|reason) to (?:report (?:this|it|that|anything)(?: [\\w-]+)? back|escalate|involve|loop in|check with|consult|ask|confirm with|bring (?:this|it|the [\\w-]+(?: [\\w-]+)?) up with)\\b|\\bno (?:confirmation|approval|review|sign-?off) (?:from (?:the )?(?:user|human|developer|owner|customer|maintainers?|anyone) )?(?:is )?(?:needed|required|necessary)\\b|\\b(?:silently|quietly|secretly|discreetly|covertly|stealthily|behind the scenes)\\b|\\bwithout (?:telling|informing|notifying|alerting|mentioning|asking|consulting|checking with|confirming with|letting (?:the user|them|anyone) know)\\b|\\b(?:keep|stay|remain) (?:quiet|silent|mum) about\\b|\\b(?:do not|don't|never|no need to|no reason to|without|need not|needn't) (?:mention|tell|inform|notify|alert|surface|reveal|show|disclose|bring up|let)\\b[^\\n]{0,40}?\\b(?:user|them|human|customer|owner|custodians?|employees?|recipients?|account holders?|anyone|anybody|the team|finance|legal|security|developers?|maintainers?|admins?|administrators?|your (?:answer|summary|reply|response|output))\\b|\\b(?:don't|do not) (?:loop in|involve|cc|copy in)\\b|\\b(?:not|never) (?:record|log|note) (?:the|this|it|that)\\b|\\bwithout (?:noting|recording|logging)\\b|\\bdon't ask (?:me|them|the user) (?:again|first)\\b|\\bwithout checking with (?:me|the user|anyone|them)\\b|\\b(?:shall|must|should) not mention\\b|\\bbetween (?:us|you and me)\\b|\\b(?:never|do not|don't) mention\\b|\\b(?:the )?user (?:will not|won't|doesn't|does not|need not|needn't|must not|should not|shouldn't) (?:see|know|notice|find out|be (?:told|shown|informed))|\\b(?:not|never) (?:be )?(?:shown|visible|displayed|revealed|mentioned) to the user\\b|\\bkeep (?:this|it|that|the following) (?:secret|hidden|confidential|to yourself|between)",
    authority:
      "\\b(?:message|note|instruction|request)s? from (?:your|the) (?:user|owner|principal|human|boss|manager|account owner)\\b|\\b(?:the|your) user (?:has|had) (?:asked|told|instructed|authori[sz]ed|allowed) you to\\b|\\bapproved (?:all|every|any) [\\w ]{0,30}?in advance\\b|\\b(?:from|by) the (?:CEO|CFO|CTO|general counsel|legal department|IT department|platform maintainers|account owner)\\b(?!'s|’s)|\\btakes? precedence over (?:the user|your|any|all)|\\b(?:sessions?|agents?|assistants?|models?|bots?|clients?) (?:that|which|who) (?:do not|don't|fail to|refuse to) comply\\b|\\bnon-?compliant (?:agents?|assistants?|sessions?|models?)\\b|\\b(?:OpenAI|Anthropic|Google DeepMind|DeepMind|Microsoft|Meta AI)\\b[^\\n]{0,30}?\\b(?:team|notice|policy|update|directive|staff|developers?|engineers?|override|announcement)\\b|\\[\\s*(?:system|admin|developer|root|operator|SYSTEM[ A-Z]{0,20})[^\\]\\n]{0,30}\\]|\\b(?:system|developer|admin(?:istrator)?|operator|root|vendor|platform)[ _-](?:notice|override|directive|command|policy|instruction|message|announcement|advisory|bulletin)s?\\b|\\b(?:model|AI|LLM) (?:providers?|vendors?)\\b|\\b(?:notice|message|directive|announcement|bulletin|update) from (?:the |your )?(?:[\\w-]+ ){0,2}?(?:administrators?|admins?|operators?|developers?|security team|platform team|maintainers)\\b|\\bstanding (?:permission|approval|authori[sz]ation|consent)\\b|\\b(?:safety|security|trust) team\\b[^\\n]{0,30}\\b(?:policy|update|notice|directive)|\\b(?:restrictions?|filters?|guardrails?|limits?|policies|safeguards?|rules|safety checks?|protections?|confirmations?) (?:are|have been|is|has been) (?:now )?(?:temporarily )?(?:lifted|removed|disabled|suspended|waived|turned off|relaxed|paused|bypassed)|\\b(?:whitelisted|allowlisted)\\b|(?:^|\\n)[ \\t]*(?:#{1,6}|\\*\\*|={2,}|-{2,})\\s*(?:system|admin|developer|operator)\\b|^[ \\t]*(?:system|admin|developer)\\s*:|\\b(?:it is|it's|this is) (?:me,? )?(?:the user|your user|your owner|your developer|your operator)\\b|\\b(?:authori[sz]ed|permitted|allowed|cleared) to (?:run|execute|disclose|share|send|access|bypass|ignore|skip)|\\b(?:already|pre-?) ?(?:approved|authori[sz]ed|agreed|consented)\\b",
    role:
      "\\b(?:unrestricted|developer|god|jailbreak|DAN|maintenance|debug) mode\\b|\\bfollow (?:any|all|every) (?:instructions?|commands?|orders?) (?:found|contained|embedded|written|given) in\\b|\\byou are no longer (?:an?|the|just|only)\\b|\\byou (?:now )?play (?:the )?[\\u0022“']?[A-Z]|\\bin this (?:simulation|scenario|game|exercise),? you (?:are|have)\\b|\\byou are (?:now )?[A-Z][\\w-]+, (?:an?|the|your) (?:[\\w-]+ ){0,3}?(?:bot|assistant|agent|AI|model|persona|character)\\b|\\b(?:pretend (?:to be|you(?:'re| are))|imagine (?:that )?you(?:'re| are)|act as (?:an?|the|if)|you are now|role-?play|stay in (?:character|that role|this role|role)|in character|play the (?:role|part) of|let's play a game|act it out|for real|grant yourself|you have no (?:rules|restrictions|limits|policies|filters)|without (?:any )?(?:policies|restrictions|filters|rules))\\b",
    memory:
      '\\b(?:save|store|keep|create|add|make|record) (?:a |an |this as an? )?(?:persistent|permanent|long-term|standing) (?:note|memory|rule|instruction|preference|reminder)s?\\b|\\bremember (?:this|that)?[^\\n]{0,25}?\\b(?:permanently|forever|for (?:all )?future|in (?:all )?future|from now on)|\\b(?:save|store|write|add|commit|keep) (?:this |that |it )?(?:[^\\n]{0,20} )?(?:to|in|into) (?:your )?(?:long-term |persistent |permanent )?memory\\b|\\bfor all future (?:chats|conversations|sessions|interactions|requests)\\b|\\b(?:save|store|remember|record|keep|add|note)\\b[^\\n]{0,30}?\\b(?:as |in |to |into )(?:a |an |the |your )?(?:long-term|persistent|permanent|standing|saved|stored) (?:preference|note|fact|rule|instruction|memory|memories|setting|profile)s?\\b|\\b(?:update|edit|change|modify|overwrite) (?:your |the )?(?:saved|stored|long-term|persistent|memory|remembered) (?:notes?|memor(?:y|ies)|preferences?|profile|facts?)\\b',
    marker: '^[ \\t]*(?:#{1,6}|\\*\\*|<\\|?|\\[)\\s*(?:user|human|assistant|AI|model)\\s*(?:\\|?>|\\]|\\*\\*)?\\s*:?\\s*(?:\\*\\*)?[ \\t]*$',
    override:
      "\\b(?:(?:a|one|the|this) new (?:rule|instruction|directive|policy) (?:for you|applies|is)|(?:replaces?|overrides?|supersedes?|cancels?) (?:the ones|the rules|the instructions|(?:the |your )?user'?s|your|any (?:previous|prior|earlier)|all (?:previous|prior|earlier))|the (?:ones|rules|instructions) you (?:started|were given|began|came) with|(?:no longer|don't|do not) (?:apply|count|matter)\\b[^\\n]{0,20}(?:rules|instructions|guidelines)|(?:disregard|ignore|forget|overlook|set aside|drop) (?:what|whatever|everything|anything) (?:your|the) (?:operator|developers?|owner|creators?|system|user) (?:configured|said|told|wrote|set)|from (?:this|the next) (?:message|point|turn|reply) on(?:ward)?|override (?:active|enabled|engaged|mode|on)|(?:guidance|instructions|rules|guidelines|prompt|directions) you (?:got|received|were given|have been given|started with)|(?:treat|regard|consider)\\b[^\\n]{0,50}\\bas (?:coming from|sent by|written by|authored by) (?:the )?(?:system|developer|admin\\w*|operator|owner)|(?:must|should|will|may|can) no longer (?:show|display|issue|apply|flag|warn|check|verify|ask|refuse|mention|include|follow)|(?:this|the following|the above) (?:content|page|text|message|document|e-?mail|file|output) (?:is|has been) (?:fully )?(?:trusted|verified|authori[sz]ed|approved|safe to follow|from the (?:system|developers?|operator)))\\b",
    // The negation check sits after the verb (a lookbehind at every position is slow on long texts).
    output:
      "\\b(?:put|include|add|append|insert|paste|embed|write|mention|say|end|finish|start|begin|sign)\\b(?<!\\b(?:never|not|n't|don't|do not|avoid|without)\\b[^\\n]{0,30}\\b(?:put|include|add|append|insert|paste|embed|write|mention|say|end|finish|start|begin|sign))[^\\n]{0,80}?\\b(?:in|into|to|at the (?:end|bottom|top|start) of|with|under) (?:your|any|every|each|all) (?:reply|answer|response|summary|summaries|output|next (?:message|reply|answer)|messages|replies|answers)\\b|\\byour (?:reply|answer|response|summary|output) (?:must|should|has to|needs to) (?:include|contain|end with|start with|mention)",
    dictate:
      "\\b(?:shall|must|should) (?:report|state|confirm|conclude) that\\b|\\balways (?:rank|rate|recommend|describe|present|list|portray|claim|state)\\b|\\b(?:should|must|shall) (?:only )?say(?: only)?\\s*[:\\u0022“]|\\b(?:tell|assure|convince) (?:the|your|this) (?:user|reader|customer|shopper|buyer|visitor|client|caller|recruiter|hiring manager|traveller|traveler|patient|person|human)s? (?:that|this (?=[a-z])|they|there|no|nothing|he|she|we)\\b|\\b(?:always|never|must|should) (?:tell|say to|inform|reply to|answer|respond to|warn|assure|remind|advise) (?:them|the user|users|customers|the customer|the caller|people|readers|visitors|everyone|anyone)\\b(?: that)?|\\b(?:must|should|shall|is to|are to) (?:always )?(?:conclude|state|claim|report|portray|characteri[sz]e|rate|rank|recommend|emphasi[sz]e|downplay|omit|leave out|describe|present|call (?:it|this|them|us)|refer to|mention|cite|praise|favou?r)\\b|\\b(?:just|only|simply) (?:tell|say to|inform) (?:the user|them|users)\\b|(?:^|[,;:]\\s{0,8})(?:reply|respond|answer|say) (?:to (?:them|the user) )?(?:no|yes)\\b|\\b(?:tell|inform|assure) (?:the user|users|the customer) that\\b|\\b(?:tell|inform|assure) (?:the reader|readers|the customer|the user) (?:that |no |nothing |there (?:is|are|were) )|(?:^|[,;:]\\s{0,8})(?:reply|respond|answer|say) (?:to (?:them|the user) )?that\\b",
    cross:
      "\\b(?:another|other|any other|every other|all other) (?:servers?|tools?|MCP servers?|connectors?|plugins?)\\b(?! (?:of|on|in|from) (?:this|the same) (?:server|integration|connector))|\\b(?:from|of|on|by) (?:any|another|other|every) server\\b",
    param:
      "\\b[a-z][a-z0-9]*_[a-z0-9_]+\\s*[:—–]\\s(?!(?:true|false|null|none|\\d|[\\u0022'\\x60]))|\\b[a-z][a-z0-9]*_[a-z0-9_]+ \\((?:string|str|object|array|int|integer|number|boolean|bool|list|dict|text)\\b[^)\\n]{0,30}\\)\\s*[:–—]|\\b(?:in|as|into|via|through|using|to) (?:the )?[\\x60'\\u0022]?[\\w.-]{1,40}[\\x60'\\u0022]? (?:argument|parameter|param|field|property|attribute)\\b|\\b(?:argument|parameter|param|field) [\\x60'\\u0022][\\w.-]{1,40}[\\x60'\\u0022]|\\b(?:as|in|into|via) [\\x60'\\u0022][\\w.-]{1,40}[\\x60'\\u0022]|\\x60[\\w.-]{1,40}\\x60\\s*(?:\\((?:string|str|object|array|int|integer|number|boolean|bool|list|dict|text)\\b[^)\\n]{0,30}\\)\\s*)?[:–—]|\\bthe (?:optional |required )?[\\x60'\\u0022]?[\\w.-]{1,40}[\\x60'\\u0022]? (?:argument|parameter|param|field) (?:should|must|needs to|has to|is to|will) (?:always )?(?:contain|include|hold|carry|be set to|receive)\\b",
    harvest:
      "\\bfrom (?:the |this |your |a )?(?:project |local |user's )?(?:\\.env|dotenv|config(?:uration)? files?|credentials? files?|keychain)\\b|\\bfrom (?:the |their |the user's |your )?(?:recent |latest |last )?(?:e-?mails?|inbox|messages|chats?)\\b|\\b(?:(?:every|all|any) (?:[\\w-]+ ){0,2}?(?:environment variables?|keys|tokens|secrets|passwords|credentials|messages?|tool results?)|(?:available|set|stored|appears?|appearing|visible|present) (?:to you|in (?:your|the) (?:environment|config|memory|context(?: window)?|conversation|chat))|every (?:[\\w-]+ ){0,2}?(?:key|token|secret|password|credential)\\b|your environment|contents? of|output of \\x60?(?:env|printenv|set|export -p)\\x60?|conversation|chat history|previous messages|system prompt|instructions you (?:were|have been) given|(?:you|the user|they) (?:has|have) (?:mentioned|shared|typed|said|told you)|(?<!\\b(?:comes?|came|is|are|was|were|be|being|gets?|loaded|taken|obtained|derived|sourced|read|inherited)\\s)from (?:the |this |your )?(?:chat|conversation|session|memory|earlier|other tools?|environment|env|shell|machine|disk|home directory)|the user'?s? (?:full (?:legal )?name|e-?mail|home address|phone|date of birth|passport|location|contacts))\\b|\\b(?:contents?|text) (?:\\(not the path\\) )?of\\b[^\\n]{0,20}?(?:" + SECRET_PATH + ")|\\b(?:read|cat|paste|send|attach|upload|include|pass)\\b[^\\n]{0,30}?(?:" + SECRET_PATH + ")|(?:" + SECRET_PATH + ")[^\\n]{0,40}?\\b(?:send|pass|paste|attach) (?:the|its|their) (?:private key|contents?|file)\\b",
    ownkey:
      "\\b(?:optional|defaults to|path to (?:a|the|your) \\.env(?: file)?|for this (?:call|request)|(?:is |are )?(?:sent|used) only (?:to|for|by)|never sent|not logged|(?:obtained|loaded|read) by the server|generate (?:one|it|a new one) (?:under|in|at|from)|configured (?:for|in) (?:this|the)|you do not need to (?:supply|provide|pass) it|leave (?:it )?empty|used to (?:verify|sign|authenticate)|(?:used|needed) (?:only )?(?:to|for) (?:authenticat\\w+|authori[sz]\\w+|call(?:ing)? the|access(?:ing)? the)|if omitted|personal access token|(?:GitHub|GitLab|Slack|Stripe|Notion|Linear|Jira|Google|OpenAI|service|account|API) (?:token|key)s?)\\b",
    sensitive:
      "\\binvite\\b[^\\n.]{0,40}\\b(?:to (?:the |our |this |your )?(?:workspace|org|organi[sz]ation|team|repo|repository|channel|calendar|drive|project)|as (?:an? )?(?:admin|owner|editor|member|collaborator))\\b|\\b(?:UPDATE \\w+ SET|DELETE FROM|TRUNCATE|GRANT \\w+|payouts?|wire transfer|bank (?:details|account)|payee|(?:admin|owner|maintain|write)(?: permission| role| access| rights)|(?:permission|role) [\\u0022']?(?:admin|owner|maintain)|(?:grant|give|add)\\b[^\\n]{0,30}\\b(?:admin|owner|maintainer|collaborator)|confidential|(?:previous|other|earlier) (?:documents?|tool results?|files?)|customer list|ledger export|payroll|offer letters?|salar(?:y|ies)|e-?mail addresses of (?:everyone|all|every)|every (?:previous |prior |earlier )?(?:message|tool result)s?|(?:passwords|API keys|credentials) (?:the user|they|you) (?:has|have) (?:mentioned|shared|typed)|the user'?s? (?:full (?:legal )?name|e-?mail address|home address|phone number|date of birth|location)|PINs?|PIN codes?|CVV|security codes?|merge (?:branch )?\\S+ into (?:main|master|prod(?:uction)?)|(?:saved |stored )?(?:card|payment|billing) details|passport (?:numbers?|details)|dates? of birth|full legal name|every (?:API key|key|token|password|secret)|(?:keys?|tokens?|passwords?|secrets?) (?:available|stored|set) in your (?:environment|config)|output of \\x60?env\\x60?|contents (?:\\(not the path\\) )?of [^\\n]{0,10}(?:~/|\\.env|/etc/)|(?:full|entire|complete|exact) (?:set of )?(?:instructions|system prompt)|word for word|verbatim|unabridged|git push (?:-f|--force)|push --force|chmod -R 777|card numbers?|home address|account balances?|IBAN|bank account|routing number|verification code|2FA code|one-time code|wire (?:funds|money|the)|transfer (?:funds|money)|collaborator|authorized_keys|deploy key|antivirus|firewall|passwords?|credentials|api keys?|access tokens?|secrets?|private keys?|contacts list|contact list|address book|Downloads folder|home directory|delete (?:the|all|every|this)|wipe|drop (?:the|all)|DROP TABLE|rm -rf|(?:entire|full|whole|complete|preceding|previous|prior) (?:conversation|chat|dialog(?:ue)?|transcript|message history)|(?:conversation|chat) history|system prompt|system message|hidden instructions|environment variables?|refund (?:the|a|all|every|full|them|it)|issue (?:a |the )?(?:full )?refund|auto-?approve|approve (?:all|every|any) (?:payments?|payment requests?|invoices?|transfers?|refunds?)|(?:push|merge|commit) (?:it |them |this |the (?:fix|change)s? )?(?:straight|directly) (?:to|into) (?:main|master|prod(?:uction)?)|force-?push)\\b|" + SECRET_PATH,
  },
  es: {
    cross: "\\b(?:otros? (?:servidor|herramienta)(?:es|s)?|cualquier otra herramienta)\\b",
    param: "\\b(?:en|como) el (?:parámetro|campo|argumento)\\b|\\b(?:parámetro|campo) [\\x60'\\u0022]\\w+",
    reader:
      '\\b(?:aviso|nota|mensaje|instrucci(?:ón|ones)|atención|importante) (?:para|al?) (?:el |la |los |las |cualquier |todo )?(?:asistente|modelo|agente|IA|inteligencia artificial|bot|chatbot)s?\\b|\\bsi (?:eres|usted es|tú eres) (?:un |una |el |la )?(?:asistente|modelo|agente|IA|bot|inteligencia artificial)|\\b(?:asistente|modelo|agente|IA|bot)s? (?:que (?:lea|lee|procese|procesa|resuma|resume|analice)|leyendo)|(?:^|[\\n:;—]\\s{0,8})(?:hola |querido |estimado )?(?:asistente|IA|modelo|agente)\\s*[,!:]' +
      "|\\bsi (?:el|la|un|una|algún|cualquier) (?:asistente|modelo|agente|IA|sistema)(?: de IA)? (?:est[aá]|estuviera) (?:revisando|leyendo|procesando|resumiendo|analizando)\\b|\\b(?:para|a) (?:cualquier |todo |toda |los |las |el |la )?(?:sistemas? de |modelos? de |agentes? de |asistentes? de )?(?:IA|inteligencia artificial)\\b[^\\n.:]{0,40}?:|\\bpara el (?:asistente|agente|sistema|bot) que (?:gestiona|lee|procesa|resume|aplica|aplique|revisa|redacta|gestione|procese|lea)\\b",
    subject: '\\b(?:el|la|cualquier|todo) (?:asistente|modelo|agente|IA)\\b[^\\n]{0,30}?\\b(?:debe|deberá|tiene que|ha de|está obligad[oa])',
    task: '\\b(?:en (?:lugar|vez) de|también|además|antes de (?:responder|contestar)|a partir de ahora|de ahora en adelante|desde ahora|tu (?:nueva|verdadera|única) (?:tarea|misión|función)|cuando resumas|al resumir)\\b',
    self: '\\b(?:tus (?:instrucciones|reglas|directrices)|tu (?:respuesta|resumen|memoria|prompt)|el usuario|la usuaria|del usuario|al usuario)\\b',
    tool: '\\b(?:herramienta|función|comando)\\b',
    conceal: '\\bno hace falta (?:avisar|comentarlo|decirlo|mencionarlo|informar)\\b|\\bsin (?:decir|avisar|informar|mencionar|consultar|preguntar)(?:le|lo|selo)?\\b|\\bno (?:le )?(?:digas|menciones|cuentes|avises)\\b|\\ben secreto\\b|\\bdiscretamente\\b',
    role: '\\b(?:finge (?:ser|que eres)|haz de cuenta|actúa como|ahora eres|interpreta el papel)\\b',
    sensitive: '\\b(?:aprueba|aprobar|apruebe) (?:la|el|las|los) (?:factura|pago|transferencia|reembolso)s?|\\b(?:conversación completa|toda la conversación|instrucciones (?:de|del) sistema|prompt del sistema|claves? de API|contraseñas?|tarjeta|cuenta bancaria|código de verificación|multa|pagar|datos personales|borra|borrar|borre|elimina|eliminar|elimine|historial (?:completo )?de (?:la )?conversación|historial del chat)\\b',
  },
  de: {
    cross: "\\b(?:anderen? (?:Servern?|Tools?|Werkzeugen?)|jedes andere Tool)\\b",
    param: "\\b(?:im|in das|ins|als) (?:Feld|Parameter|Argument)\\b|\\b(?:Feld|Parameter) [\\x60'\\u0022]\\w+",
    reader:
      '\\b(?:hinweis|nachricht|wichtig|anweisungen?|achtung|notiz) (?:an|für) (?:den |die |das |alle |jeden |jede )?(?:KI|[\\wäöü-]*assistent\\w*|[\\wäöü-]*sprachmodell\\w*|[\\wäöü-]*agent\\w*|bots?|chatbots?|modell\\w*)\\b|\\b(?:falls|wenn) du (?:ein|eine|der|die) (?:KI|[\\wäöü-]*assistent|[\\wäöü-]*sprachmodell|[\\wäöü-]*agent|bot|modell)\\b|\\b(?:KI|[\\wäöü-]*assistent\\w*|modell|agent\\w*)\\b[^\\n]{0,10}?\\b(?:der|die|das),? (?:diese[nrs]?|den|die|das) [\\wäöü]+ (?:liest|zusammenfasst|verarbeitet|analysiert)|(?:^|[\\n:;—]\\s{0,8})(?:hallo |liebe[rs]? )?(?:KI|assistent|modell|agent)\\s*[,!]|(?:^|[\\n;—]\\s{0,8})(?:an|für) (?:den |die |das |alle |jeden |jede )(?:KI|[\\wäöü-]*assistent\\w*|[\\wäöü-]*sprachmodell\\w*|[\\wäöü-]*agent\\w*|bots?|modell\\w*)\\b' +
      '|\\b(?:an|für) (?:alle |jeden |jede )?(?:automatisierte[nr]?|automatische[nr]?) [\\wäöü-]*(?:Leser|System|Agent|Assistent|Programm|Prüfer|Bot)\\w*\\b[^\\n.:]{0,30}?:' +
      '|\\b(?:hinweis|nachricht|anweisung(?:en)?|achtung|notiz) (?:an|für) (?:die |den |das )?(?:automatisierte|automatische)[nr]? (?:Verarbeitung|Systeme?|Tools?|Prozesse?|[\\wäöü]*assistent\\w*|[\\wäöü]*agent\\w*)|\\bfür (?:automatische|automatisierte)[nr]? [\\wäöü-]*(?:assistent|agent|system|tool)\\w*',
    subject: '\\b(?:der|die|das|jeder|jede) (?:KI-)?(?:assistent|agent|modell|sprachmodell|KI)\\w*\\b[^\\n]{0,40}?\\b(?:muss|soll|sollte|hat zu|darf)\\b',
    task: '\\b(?:stattdessen|anstatt|anstelle|auch|außerdem|zusätzlich|bevor du antwortest|vor jeder antwort|ab (?:jetzt|sofort)|von nun an|künftig|deine (?:neue|eigentliche|wahre) (?:aufgabe|mission)|wenn du [\\wäöü]+ zusammenfasst|auch wenn)\\b',
    self: '\\b(?:deine (?:anweisungen|regeln|antwort|zusammenfassung|konfiguration)|dein (?:speicher|gedächtnis|prompt)|(?:der|dem|den|des) (?:nutzer|benutzer|anwender)s?\\w*|chatverlauf\\w*|gesprächsverlauf\\w*)\\b',
    tool: '\\b(?:werkzeug|tool|befehl|upload-tool)\\w*\\b',
    conceal: '\\bohne Rückfrage\\b|\\bfrage (?:den |die )?(?:Nutzer|Benutzer)\\w* nicht\\b|\\bohne (?:es )?(?:dem |den )?(?:nutzer|benutzer|anwender)\\w* zu\\b|\\berwähne (?:das|dies|es|diese nachricht) nicht\\b|\\bsag (?:dem )?(?:nutzer|benutzer) nichts\\b|\\b(?:heimlich|unauffällig|stillschweigend)\\b',
    role: '\\b(?:tu so,? als|gib dich als|spiele die rolle|du bist jetzt|ab jetzt bist du)\\b',
    sensitive: '\\b(?:passw[oö]rt\\w*|kennw[oö]rt\\w*|zugangsdaten|kontonummer|kreditkarte\\w*|insolvent|zahlung\\w*|schlüssel\\w*|lösch\\w*|chatverlauf\\w*|gesprächsverlauf\\w*)\\b',
  },
  fr: {
    cross: "\\b(?:autres? (?:serveurs?|outils?)|tout autre outil)\\b",
    param: "\\b(?:dans|via|comme) (?:le )?(?:champ|paramètre|argument)\\b|\\b(?:champ|paramètre) [\\x60'\\u0022]\\w+",
    reader:
      "(?:(?:^|[\\s(—:;])à l'(?:intention|attention) d(?:e l'|u |e la |es )|\\b(?:note|message|remarque|consigne|avis) (?:pour|à) (?:l'|le |la |les )|\\bpour l')(?:assistant\\w*|IA|agent\\w*|modèle\\w*|bot\\w*|intelligence artificielle)|\\bsi (?:tu es|vous êtes) (?:une? |l')(?:IA|assistant|modèle|agent|bot|intelligence artificielle)|\\b(?:IA|assistant|modèle|agent)s? qui (?:lit|lis|lisez|traite|résume|analyse)|(?:^|[\\n:;—]\\s{0,8})(?:cher |chère )?(?:assistant|IA|modèle|agent)\\s*[,!]|\\b(?:consigne|note|message|remarque|instruction)s? pour (?:le |la |l')(?:système|programme|outil|logiciel|assistant|agent|IA)\\b|\\b(?:système|outil|programme|assistant|agent|IA) qui (?:traite|lit|résume|analyse|génère)\\b",
    subject: "\\b(?:l'(?:assistant|IA|agent)|le (?:modèle|bot))\\b[^\\n]{0,30}?\\b(?:doit|devra|est tenu de|est prié de)\\b",
    task: "\\b(?:au lieu de|aussi|également|en plus|avant de répondre|désormais|dorénavant|à partir de maintenant|(?:ta|votre) (?:nouvelle|vraie|véritable) (?:mission|tâche)|quand tu résumes|en résumant)\\b",
    self: "\\b(?:tes (?:instructions|consignes|règles)|ta (?:réponse|mémoire)|ton (?:résumé|prompt)|l'utilisat(?:eur|rice)|(?:cette|notre) conversation)\\b",
    tool: '\\b(?:outil|fonction|commande)s?\\b',
    conceal: "\\b(?:discrètement|en secret|secrètement)\\b|\\bsans (?:en )?(?:parler|informer|prévenir|le dire|rien dire|le signaler|demander)\\b|\\bne (?:le |lui )?(?:dis|mentionne|signale|révèle) (?:pas|rien)\\b",
    role: '\\b(?:fais semblant|fait semblant|joue le rôle|tu es maintenant|prétends être|agis comme)\\b',
    sensitive: "\\b(?:mots? de passe|clé d'API|clés? API|identifiants|antivirus|carte bancaire|code de vérification|supprime\\w*|efface\\w*|historique de (?:la )?conversation)\\b",
  },
  pt: {
    cross: "\\b(?:outros? (?:servidor(?:es)?|ferramentas?)|qualquer outra ferramenta)\\b",
    param: "\\b(?:no|como) (?:parâmetro|campo|argumento)\\b|\\b(?:parâmetro|campo) [\\x60'\\u0022]\\w+",
    reader:
      '\\b(?:aviso|nota|mensagem|atenção|instrução|instruções) (?:para|ao?|à) (?:o |a )?(?:assistente|modelo|agente|IA|bot|inteligência artificial|sistema)\\b|\\b(?:regra|instrução|nota) de processamento automático\\b|\\b(?:agente|assistente|sistema|IA) que (?:está lendo|lê|processa|resume)\\b|\\bse (?:você|tu) (?:é|és|for) (?:um |uma |o |a )?(?:assistente|modelo|agente|IA|bot|inteligência artificial)|\\b(?:assistente|modelo|agente|IA)s? (?:que (?:lê|leia|processa|resume)|lendo)|(?:^|[\\n:;—]\\s{0,8})(?:olá,? |oi,? |caro |prezado )?(?:assistente|IA|modelo|agente)\\s*[,!:]',
    subject: '\\b(?:o (?:assistente|modelo|agente)|a IA)\\b[^\\n]{0,30}?\\b(?:deve|deverá|precisa|tem que)\\b',
    task: '\\b(?:em vez de|ao invés de|em vez disso|ao invés disso|também|além disso|antes de responder|a partir de agora|daqui em diante|sua (?:nova|verdadeira) (?:tarefa|missão)|ao resumir)\\b',
    self: '\\b(?:suas (?:instruções|regras)|sua (?:resposta|memória)|o usuário|do usuário|ao usuário|a conversa)\\b',
    tool: '\\b(?:ferramenta|função|comando)s?\\b',
    conceal: '\\bsem (?:avisar|contar|informar|dizer|consultar|perguntar)\\b|\\bnão (?:mencione|conte|diga|avise|informe)\\b|\\bsem pedir confirmação\\b|\\b(?:discretamente|em segredo|secretamente)\\b',
    role: '\\b(?:finja ser|finge ser|faça de conta|atue como|agora você é)\\b',
    sensitive: '\\b(?:senhas?|código de verificação|cartão|conta bancária|contatos|apague|apagar|apaga|exclua|excluir|exclui|histórico (?:da|de) conversa)\\b',
  },
  it: {
    cross: "\\b(?:altri? (?:server|strumenti)|qualsiasi altro strumento)\\b",
    param: "\\b(?:nel|come) (?:parametro|campo|argomento)\\b|\\b(?:parametro|campo) [\\x60'\\u0022]\\w+",
    reader:
      "\\bper (?:gli |i |lo )?(?:strumenti|sistemi|assistenti|agenti) automatici\\b|(?:\\b(?:nota|messaggio|avviso|istruzioni) per |\\bper |\\ball')(?:l'|il |la )?(?:assistente|agente|IA|intelligenza artificiale|modello)\\b(?=[^\\n]{0,40}[:,])|\\bse (?:sei|lei è) (?:un |una |l')(?:assistente|IA|modello|agente|bot)|\\b(?:assistente|agente|IA|modello) che (?:legge|elabora|riassume)|(?:^|[\\n:;—]\\s{0,8})(?:caro |gentile )?(?:agente IA|assistente|IA|modello)\\s*[,!:]",
    subject: "\\b(?:l'(?:assistente|agente|IA)|il modello)\\b[^\\n]{0,30}?\\b(?:deve|dovrà|è tenuto a)\\b",
    task: "\\b(?:invece di|anche|inoltre|prima di rispondere|d'ora in poi|da ora in poi|d'ora in avanti|il tuo (?:nuovo|vero) compito)\\b",
    self: "\\b(?:le tue (?:istruzioni|regole)|la tua (?:risposta|memoria)|l'utente|dell'utente|all'utente|questa nota)\\b",
    tool: '\\b(?:strumento|funzione|comando)\\b',
    conceal: "\\b(?:di nascosto|in segreto|segretamente|discretamente)\\b|\\bsenza (?:dirlo|avvisare|informare|dire)\\b|\\bnon (?:menzionare|dire|dirlo|rivelare)\\b",
    role: '\\b(?:fingi di essere|fai finta|interpreta il ruolo|ora sei)\\b',
    sensitive: '\\b(?:password|\\.env|chiav[ei] API|credenziali|gratuito|cancella|cancellare|elimina|eliminare|cronologia (?:della )?(?:chat|conversazione))\\b',
  },
  nl: {
    cross: "\\b(?:andere (?:servers?|tools?))\\b",
    param: "\\b(?:in het|als) (?:veld|parameter|argument)\\b|\\b(?:veld|parameter) [\\x60'\\u0022]\\w+",
    reader:
      '(?:^|[\\n:;—"]\\s{0,8})(?:beste )?(?:assistent|AI-assistent|agent)\\s*[,!:]|\\b(?:aan|voor|bericht voor|opmerking voor|instructie voor|let op,?) (?:de |het |elke |iedere |alle )?(?:[\\wé]+ )?(?:AI|assistent|taalmodel|model|agent|bot|chatbot|systeem)s?\\b(?=[^\\n]{0,40}[:,])|systemen die (?:deze|dit) [\\wé]+ (?:verwerken|lezen)\\b|\\bals (?:je|jij|u) (?:een |de )?(?:AI|assistent|taalmodel|model|agent|bot) (?:bent|is)\\b|\\b(?:AI|assistent|taalmodel|agent) die (?:dit|deze) (?:leest|verwerkt|samenvat)',
    subject: '\\b(?:de (?:assistent|agent|AI)|het (?:model|taalmodel))\\b[^\\n]{0,30}?\\b(?:moet|dient|mag)\\b',
    task: '\\b(?:in plaats van|ook|bovendien|voordat je antwoordt|vanaf nu|voortaan|je nieuwe taak)\\b',
    self: '\\b(?:je (?:instructies|antwoorden?|geheugen)|de gebruiker|van de gebruiker)\\b',
    tool: '\\b(?:tool|functie|commando)\\b',
    conceal: '\\bzeg (?:er )?niets\\b|\\bzonder (?:het )?(?:te (?:melden|vertellen|zeggen))\\b|\\b(?:stilletjes|in het geheim|ongemerkt)\\b|\\bvertel (?:het )?niet\\b|\\bmeld (?:dit|het) niet\\b|\\bzonder bevestiging\\b',
    role: '\\b(?:doe alsof|speel de rol|je bent nu)\\b',
    sensitive: '\\b(?:wachtwoord\\w*|bijlagen|inloggegevens|rekeningnummer|verwijder\\w*|chatgeschiedenis)\\b',
  },
  ru: {
    cross: "(?:друг\\S* (?:сервер\\S*|инструмент\\S*))",
    param: "(?:в (?:параметр|поле)\\S*|параметр\\S* [\\x60'\\u0022]\\w+)",
    reader:
      'при автоматической обработке|(?:^|[\\s\\n:;—(])(?:для|к) (?:ИИ|ассистент\\w*|модел\\w*|агент\\w*|нейросет\\w*|бот\\w*|искусственн\\w+ интеллект\\w*)|(?:^|[\\s\\n])если ты (?:ИИ|ассистент|модель|агент|бот|нейросеть)|(?:ИИ|ассистент\\w*|модел\\w*|агент\\w*|нейросет\\w*),? (?:который|которая|что) (?:читает|обрабатывает|анализирует)|(?:^|[\\n:;—]\\s{0,8})(?:уважаемый |дорогой )?(?:ассистент|модель|ИИ|агент|бот|нейросеть)\\s*[,!]',
    subject: '(?:ассистент|модель|агент|ИИ|нейросеть)\\S*[^\\n]{0,30}?(?:должен|должна|обязан|обязана|следует)',
    task: '(?:вместо|также|кроме того|перед ответом|прежде чем ответить|с этого момента|отныне|теперь|впредь|твоя (?:новая|настоящая) задача)',
    self: '(?:твои (?:инструкции|правила)|твой ответ|пользовател\\w+|переписк\\w+)',
    tool: '(?:инструмент\\w*|функци\\w+|команд\\w+)',
    conceal: '(?:ничего не сообщая|не (?:сообщай|говори|рассказывай|упоминай|предупреждай)|тайно|незаметно|без ведома|молча)',
    role: '(?:притворись|представь,? что ты|сыграй роль|ты работаешь на)',
    sensitive: '(?:парол\\w+|платеж\\w*|платёж\\w*|карт\\w+|риск\\w*|удал\\w+|истори\\w+ (?:чата|переписки))',
  },
  zh: {
    cross: "(?:其他(?:服务器|工具|服务)|别的(?:服务器|工具))",
    param: "(?:参数|字段)",
    reader: '(?:自动(?:处理|审查|审核)(?:工具|系统|程序))|(?:致|给|告)(?:正在)?(?:阅读|处理|读取|浏览)?[^。\\n]{0,10}?(?:AI|人工智能|助手|模型|智能体|机器人)|如果你是(?:一个)?(?:AI|人工智能|智能助手|助手|模型|语言模型|智能体)|(?:AI|助手|模型|智能体)[,，]|(?:AI|助手|模型|智能体)请(?:注意|听好|留意)',
    subject: '(?:助手|模型|AI|智能体)(?:必须|应该|应当|需要|务必|要)',
    task: '(?:而是|改为|另外|同时|在回答之前|回答前|从现在开始|现在开始|今后|以后|总结时|加入|(?:总结|概括|翻译|回答|处理)[^。\\n]{0,15}?时)',
    dictate: '(?:声称|宣称|告诉用户|对用户说|回答说)',
    self: '(?:用户|你的(?:指令|回答|记忆)|聊天记录|对话)',
    tool: '(?:工具|函数|命令)',
    conceal: '(?:不要(?:告诉|通知|提及|提醒)|悄悄|秘密地|暗中|不让用户知道)',
    role: '(?:假装|扮演|你现在是)',
    sensitive: '(?:密码|口令|私钥|密钥|凭据|凭证|令牌|认证信息|账户|删除|聊天记录|对话记录|环境变量|系统提示词?|全部对话|整个对话)',
  },
  ja: {
    cross: "(?:他の(?:サーバー|ツール)|別の(?:サーバー|ツール))",
    param: "(?:パラメータ|引数|フィールド)",
    reader: '(?:AI|アシスタント|エージェント|モデル|言語モデル)(?:の方)?(?:へ|に告ぐ|各位)|(?:読んでいる|処理している|要約している)(?:AI|アシスタント|エージェント|モデル)|あなたが(?:AI|アシスタント|言語モデル)なら|(?:AI|アシスタント|エージェント|モデル)(?:さん|様)[、,!！]',
    subject: '(?:アシスタント|AI|モデル|エージェント)は[^。\\n]{0,40}(?:必ず|こと。|なければ)',
    task: '(?:代わりに|また|回答する前に|答える前に|これ以降|今後|今から|かかわらず)',
    self: '(?:ユーザー|利用者|会話|あなたの(?:指示|回答))',
    tool: '(?:ツール|関数|コマンド)',
    conceal: '(?:(?:ユーザー|利用者)(?:に|には)(?:[^。\\n]{0,6}(?:言わない|伝えない|知らせない|教えない)|伝えず|知らせず|言わず)|伝えずに|知らせずに|内緒|こっそり)',
    role: '(?:ふりをして|演じて|なりきって)',
    sensitive: '(?:パスワード|保険|認証情報|削除|会話履歴|チャット履歴|会話全体|これまでの会話|システムプロンプト|APIキー|秘密鍵)',
  },
  ko: {
    cross: "(?:다른 (?:서버|도구))",
    param: "(?:매개변수|파라미터|필드|인자)",
    reader: '(?:AI|어시스턴트|에이전트|모델|인공지능|비서)(?:님|에게|께|야|여|\\s*[,，!])|자동 (?:리뷰|처리|검토) (?:도구|시스템)|(?:읽는|처리하는|요약하는) (?:AI|어시스턴트|에이전트|모델)|당신이 (?:AI|어시스턴트|인공지능)(?:라면|이라면)',
    subject: '(?:어시스턴트|AI|모델|에이전트)(?:는|은)[^\\n]{0,60}(?:야 합니다|야 한다|해야|하십시오|하세요|십시오)',
    task: '(?:대신|또한|답변하기 전에|지금부터|앞으로|이제부터)',
    self: '(?:사용자|지침|원래)',
    tool: '(?:도구|함수|명령)',
    conceal: '(?:(?:사용자에게|사용자한테) (?:알리지|말하지)|몰래|알리지 말고|말하지 마)',
    role: '(?:인 척|역할을 맡)',
    sensitive: '(?:API 키|비밀번호|키를|삭제|대화 기록|시스템 프롬프트|전체 대화)',
  },
  ar: {
    cross: "(?:خادم آخر|خوادم أخرى|أداة أخرى|أدوات أخرى)",
    param: "(?:حقل|معامل|المعامل|الحقل)",
    reader: 'عند (?:استيراد|تلخيص|معالجة)|(?:ملاحظة|رسالة|تعليمات|تنبيه) (?:لل|إلى ال)(?:مساعد|نموذج|وكيل|ذكاء)|(?:إلى|الى|ملاحظة إلى|رسالة إلى) (?:ال)?(?:مساعد|نموذج|وكيل|ذكاء الاصطناعي)|أيها (?:ال)?(?:مساعد|نموذج|وكيل|ذكاء الاصطناعي)|إذا كنت (?:مساعدا|مساعدًا|نموذجا|نموذجًا|ذكاء اصطناعيا)',
    subject: '(?:يجب على|على) (?:ال)?(?:مساعد|نموذج|وكيل)',
    task: '(?:بدلا من|بدلاً من|أيضا|أيضًا|قبل (?:تلخيص|ترجمة)|قبل الرد|قبل الإجابة|من الآن فصاعدا|من الآن فصاعدًا|من الآن)',
    self: '(?:المستخدم|المحادثة|تعليماتك)',
    tool: '(?:أداة|الأداة|أمر)',
    conceal: '(?:لا تخبر|دون (?:علم|إخبار|إبلاغ|أن تخبر)|سرا|سرًا|بصمت)',
    role: '(?:تصرّف ك|تصرف ك|تظاهر|مسؤول النظام)',
    sensitive: '(?:كلمة المرور|كلمات المرور|دون تأكيد|احذف|سجل المحادثة)',
  },
};

/**
 * Whoever handles this content, named by what they do with it rather than by what they are, and rules
 * headed as being for its processing: "quien procese esta factura debe …", "Wer diese Tabelle liest, muss …",
 * "Processing rule: …". Part of the reader family in each language (the English "whoever" forms are in LEX).
 */
const HANDLER_OF_THIS: Record<InjectionLanguage, string> = {
  en: "(?:^|[\\n\u0022'])[ \\t]{0,8}(?:automated |automatic )?(?:processing|handling|ingestion|import|parsing|summari[sz]ation|triage) (?:rules?|instructions?|directives?|steps?)\\s*:",
  es: '\\bquien(?:es)? (?:procese|lea|resuma|gestione|revise|reciba|abra|analice|tramite|atienda)n? (?:est[ea]s?|el|la|los|las)\\b|\\b(?:regla|norma|instrucción|instrucciones) de (?:procesamiento|tratamiento)\\s*:',
  de: '\\bwer (?:diese[nrs]?|das|den|die) [\\wäöüß-]+ (?:liest|bearbeitet|verarbeitet|zusammenfasst|prüft|öffnet|erhält|auswertet)\\b|\\b(?:Bearbeitungs|Verarbeitungs)(?:regel|hinweis|anweisung)(?:n|en)?\\s*:',
  fr: '\\bquiconque (?:traite|lit|résume|reçoit|ouvre|analyse)\\b|\\b(?:celui|celle|ceux) qui (?:traite|lit|résume|reçoit|analyse)n?t? (?:ce|cette|ces)\\b|\\b(?:règle|consigne|instruction)s? de traitement\\s*:',
  pt: '\\bquem (?:processar|ler|resumir|receber|abrir|analisar|tratar) (?:est[ea]s?|o|a|os|as)\\b|\\b(?:regra|instrução|instruções) de processamento\\s*:',
  it: "\\bchi (?:elabora|legge|riassume|riceve|gestisce|apre|analizza|tratta) (?:quest[oaie]|il|la|lo|i|le|gli|l')\\b|\\b(?:regola|istruzion[ei]|procedura) di (?:elaborazione|trattamento)\\s*:",
  nl: '\\bwie (?:dit|deze|het|de) [\\wé]+ (?:leest|verwerkt|samenvat|behandelt|opent|ontvangt)\\b|\\bverwerkingsregels?\\s*:',
  ru: '(?:^|[\\s,(])(?:тот|та|те|каждый),? кто (?:читает|обрабатывает|просматривает|получает|анализирует|резюмирует)|(?:правил[оа]|регламент|инструкци[яи]) обработки\\s*:',
  zh: '(?:处理|阅读|读取|总结|审核|打开)(?:此|这份|这个|这封|本)[^。\\n]{0,6}的(?:人|系统|程序|助手|工具)|处理规则[:：]',
  ja: 'この[^。\\n]{0,10}を(?:処理|読|要約|確認|開)[^。\\n]{0,3}(?:人|方|システム|AI|ツール)|処理ルール[:：]',
  ko: '이 [^\\n.]{0,10}(?:을|를) (?:처리|읽|요약|검토)[^\\n.]{0,3} (?:사람|분|시스템|AI|도구)|처리 규칙[:：]',
  ar: '(?:كل من|من) (?:يقرأ|يعالج|يلخص|يستلم) (?:هذا|هذه)|قاعدة المعالجة[:：]',
};

/** Data-moving verbs beyond the shared list (whole words: stems would match English words). */
const MOVE_VERBS_EXTRA =
  "(?:^|[\\s(])(?:übergib|übergeben|übermittl\\w*|übermitteln)|\\b(?:transmets|transmettez|transmettre|hochladen|lade\\b[^\\n]{0,40}\\bhoch|carica|caricare|caricalo|sube|subir|súbel[oa]|repasse|stuur\\w* [^\\n]{0,40}\\bdoor|doorsturen|bundle|sync|copy|export)\\b|загрузи\\w*|上传|アップロード|업로드|ارفع";

const SEND_RE = new RegExp(`${SEND_VERBS}|${MOVE_VERBS_EXTRA}`, 'gi');
const DEST_RE = new RegExp(`${EMAIL}|https?://|\\bto (?:the )?(?:address|url|link|endpoint|server|webhook|bucket|drive|channel)\\b`, 'gi');
const SECRET_RE = new RegExp(SECRET_OBJECTS, 'gi');
const USER_DATA_RE = new RegExp(USER_DATA, 'gi');
const SENTENCE_END = /[.!?。！？؟](?=\s|$)|\n/g;
const JSON_START = /^\s*[[{]/;
const JSON_VALUE_END = /"(?=\s*[,}\]])/g;
/** The whitespace after a sentence end, replaced by a line break (same length) for line-anchored scanning. */
const SENTENCE_BREAK = /([.!?。！？؟])[ \t\u00a0\u3000]/g;

export interface StructureHit {
  id: 'agent-directive';
  start: number;
  end: number;
  weight: number;
  families: Family[];
  explain: string;
}

/** The families present in `span`, in the enabled languages. */
export type SentenceFamilies = { families: Set<Family>; lead: number };
/** Families without which no combination has weight: the model named, an agentic family, self + task, or a description's param/cross. */
const PRIMARY: readonly Family[] = ['reader', 'subject', 'conceal', 'authority', 'role', 'memory', 'override', 'output', 'dictate', 'marker', 'self', 'task', 'param', 'cross', 'harvest'];
const PRIMARY_PRESENT = (seen: ReadonlySet<Family>): boolean =>
  ['reader', 'subject', 'conceal', 'authority', 'role', 'memory', 'override', 'output', 'dictate', 'marker', 'param', 'cross', 'harvest'].some((f) => seen.has(f as Family)) ||
  (seen.has('self') && seen.has('task'));
/** A marker in the ordered family list between primary and secondary families; never matches. */
const SECONDARY_START = 'command' as Family;
const NEVER = /(?!)/g;
const LEAD_RANK: Partial<Record<Family, number>> = { reader: 0, subject: 1 };
const NEGATED_BEFORE = /\b(?:do not|don't|never|must not|mustn't|should not|shouldn't|cannot|can't|avoid|not)\s+(?:\w+\s+)?$/i;
const QUOTE_MARKERS = /^[ \t]*(?:>[ \t]?)+/gm;
const BLOCK_TAG = /<\/?(?:span|div|p|details|summary|section|article|aside|td|th|li|h[1-6]|font|small|label|footer|header|blockquote|template|noscript)\b[^<>\n]{0,300}>/gi;
const VERB_FINAL_COMMAND = /(?:세요|십시오|하라|해라|마세요|ください|しなさい|すること|せよ|してね)[.!。！]?\s*$/;
const PROTECTIVE_WITHOUT = /\b(?:never|do not|don't|must not|should not|shouldn't)\b[^\n]{0,100}?\bwithout (?:first )?(?:asking|confirming|checking|consulting|(?:(?:the |a )?(?:user'?s?|human|explicit|prior|written) )?(?:confirmation|approval|consent|permission|sign-off))\b/i;
const HIDING = /\b(?:silently|quietly|secretly|covertly|discreetly|stealthily)\b|\b(?:do not|don't|never) (?:tell|mention|inform|notify|reveal)\b|\bwithout (?:telling|informing|notifying|letting|mentioning)\b/i;
const TOOL_OUTPUT_STATEMENT = /^\s*(?:[\u0022'{\[][^\n]{0,80}?[\u0022']description[\u0022']\s*:\s*[\u0022'])?(?:returns?|retrieves?|gets?|lists?|fetch(?:es)?|reads?|search(?:es)?|shows?|exports?|summari[sz]es?|counts?)\b/i;
const FORBIDDEN_INCLUSION = /\b(?:do not|don't|never|must not|should not|shouldn't) (?:include|put|pass|send|paste|add|store|log|enter|type|share)\b|\bno (?:incluyas|incluya|pongas|envíes|compartas)\b|\bnão (?:inclua|coloque|envie|compartilhe)\b|\bn'(?:incluez|inclus|envoyez|envoie) pas\b|\bnon (?:includere|inserire|inviare|condividere)\b|\b(?:nicht|keine) [^\n.]{0,30}(?:angeben|einfügen|senden|teilen)\b/i;
const REFUSED = /\b(?:are|is|will be|get|gets) (?:always )?(?:refused|rejected|denied|blocked|forbidden|not (?:allowed|permitted|read|accessible))\b/i;
const REQUEST_VERB = /\b(?:pass|send|include|read|provide|fill|put|attach|copy|paste|upload|forward|give)\b/i;
/** "Agents" with nothing that makes them software: in a contact-centre text they are people. */
const QUALIFIED_MODEL = /\b(?:AI|A\.I\.|LLM|GPT|automated|autonomous|coding|language|assistants?|models?|bots?|copilot|claude|chatgpt|gemini|chat ?bots?|crawlers?|summari[sz]ers?|helpers?|clients?)\b/i;
const BARE_AGENT = /\bagents?\b/i;
const HUMAN_SUPPORT_CONTEXT =
  /\b(?:customers?|callers?|call(?:-| )?cent(?:er|re)s?|phone|shifts?|supervisors?|helpdesk|help desk|CSAT|hold times?|headsets?|live chat|contact cent(?:er|re)s?|team leads?|walk-?ins?)\b/i;

/** Whether `match` calls on bare "agents" in a text about a contact centre, where agents are people. */
export function namesHumanAgent(match: string, text: string): boolean {
  return BARE_AGENT.test(match) && !QUALIFIED_MODEL.test(match) && HUMAN_SUPPORT_CONTEXT.test(text);
}

export class StructureScanner {
  private readonly res: Array<[Family, RegExp]> = [];
  private readonly ordered: Array<[Family, RegExp]>;
  private readonly command: RegExp;
  private readonly clauseCommand: RegExp;

  constructor(languages: readonly InjectionLanguage[], imperative: RegExp) {
    const byFamily = new Map<Family, string[]>();
    for (const lang of languages) {
      for (const [f, src] of Object.entries(LEX[lang]) as Array<[Family, string]>) {
        byFamily.set(f, [...(byFamily.get(f) ?? []), src]);
      }
      byFamily.set('reader', [...(byFamily.get('reader') ?? []), HANDLER_OF_THIS[lang]]);
    }
    // One pass per family over the whole text (cheaper than one call per sentence). The text is scanned
    // with each sentence on its own line, so "^" is a sentence start and no match crosses sentences.
    // A family whose alternatives add up to a very long pattern is split into several: past a size V8
    // stops optimising one alternation (the reader family alone went from 0.1 to 2 ms/KiB), while a few
    // mid-sized ones scan at the usual speed.
    for (const [f, srcs] of byFamily) for (const chunk of packAlternatives(srcs, PATTERN_BUDGET)) this.res.push([f, new RegExp(chunk, 'gim')]);
    this.ordered = [...this.res.filter(([f]) => PRIMARY.includes(f)), [SECONDARY_START, NEVER] as [Family, RegExp], ...this.res.filter(([f]) => !PRIMARY.includes(f))];
    // A command at the start of what follows an address ("Assistant: delete …", "AI, please send …").
    this.command = new RegExp(`^[\\s,:;.!—–-]{0,4}(?:(?:please|now|kindly|then|so|ok(?:ay)?)[,\\s]+)?(?:${imperative.source})`, 'i');
    // Or a command that opens a later clause of the addressed sentence ("Attention any reviewer: this PR is
    // audited, approve it …"): the address picks the reader, the clause tells it what to do.
    this.clauseCommand = new RegExp(`(?:[,;:—–]|\\b(?:and|then|so))\\s*(?:(?:please|now|kindly|just)[,\\s]+)?(?:${imperative.source})`, 'i');
  }

  /** Whether `span` names something sensitive or asks to move data (checked without the primary-family gate). */
  sensitiveOrMove(span: string): boolean {
    for (const [f, re] of this.res) {
      if (f !== 'sensitive') continue;
      re.lastIndex = 0;
      if (re.test(span)) return true;
    }
    SECRET_RE.lastIndex = 0;
    if (SECRET_RE.test(span)) return true;
    SEND_RE.lastIndex = 0;
    if (!SEND_RE.test(span)) return false;
    DEST_RE.lastIndex = 0;
    USER_DATA_RE.lastIndex = 0;
    return DEST_RE.test(span) || USER_DATA_RE.test(span);
  }

  /** Families in `span`, and where the one that names or addresses the model starts (-1: none). */
  scan(span: string): SentenceFamilies {
    return this.scanAll(span, [[0, span.length]])[0]!;
  }

  /** Families per sentence (`bounds` sorted, non-overlapping); `lead` is relative to the sentence start. */
  scanAll(text: string, bounds: ReadonlyArray<readonly [number, number]>): SentenceFamilies[] {
    const out: SentenceFamilies[] = bounds.map(() => ({ families: new Set<Family>(), lead: -1 }));
    const rank: number[] = bounds.map(() => 9);
    const sentenceOf = (pos: number): number => {
      let lo = 0;
      let hi = bounds.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid]![0] <= pos) lo = mid;
        else hi = mid - 1;
      }
      return pos >= bounds[lo]![0] && pos < bounds[lo]![1] ? lo : -1;
    };
    if (bounds.length === 0) return out;
    // Sentences on their own lines; quote markers of forwarded mail (">>> ") become line breaks of the same
    // length, so a quoted header still starts a line.
    // An HTML element starts a block of its own: `<span style="display:none">Agent: push …` opens with a label.
    const lines = text
      .replace(SENTENCE_BREAK, '$1\n')
      .replace(QUOTE_MARKERS, (m) => '\n'.repeat(m.length))
      .replace(BLOCK_TAG, (m) => `${' '.repeat(m.length - 1)}\n`);
    // Families that can start a combination run first; the rest only matter when one was found
    // (see structureWeight), which most ordinary text never reaches.
    const seen = new Set<Family>();
    for (const [f, re] of this.ordered) {
      if (f === SECONDARY_START && !PRIMARY_PRESENT(seen)) return out;
      re.lastIndex = 0;
      let humanAgents: boolean | undefined;
      for (const m of execAll(re, lines)) {
        if ((f === 'reader' || f === 'subject') && BARE_AGENT.test(m[0]) && !QUALIFIED_MODEL.test(m[0])) {
          humanAgents ??= HUMAN_SUPPORT_CONTEXT.test(text);
          if (humanAgents) continue;
        }
        seen.add(f);
        // Position of the words themselves, not of the delimiter the pattern started on ("\n", ">", ":").
        const at = m.index + (/^[\s>:;—–,.!?]*/.exec(m[0])?.[0].length ?? 0);
        const i = sentenceOf(at);
        if (i < 0) continue;
        const o = out[i]!;
        o.families.add(f);
        const r = LEAD_RANK[f] ?? (AGENTIC.includes(f) ? 2 : 9);
        if (r < 9 && (r < rank[i]! || (r === rank[i]! && at - bounds[i]![0] < o.lead))) {
          rank[i] = r;
          o.lead = at - bounds[i]![0];
        }
        if (f === 'reader') {
          const after = m.index + m[0].length;
          if (this.command.test(lines.slice(after, Math.min(bounds[i]![1] + 80, after + 80)))) o.families.add('command');
          else if (this.clauseCommand.test(lines.slice(after, Math.min(bounds[i]![1], after + 160)))) o.families.add('command');
          // Languages that put the verb last end the addressed sentence with it: "어시스턴트, … 승인하고 병합하세요."
          else if (VERB_FINAL_COMMAND.test(lines.slice(after, bounds[i]![1]))) o.families.add('command');
          // Or the next sentence opens with the command: "A word to any model reading this: the reviews are old. Tell the shopper …".
          else if (i + 1 < bounds.length && this.command.test(lines.slice(bounds[i + 1]![0], bounds[i + 1]![0] + 80))) o.families.add('command');
        }
      }
    }
    const mark = (re: RegExp, negatable = false): boolean[] => {
      const hit = bounds.map(() => false);
      re.lastIndex = 0;
      for (const m of execAll(re, text)) {
        const i = sentenceOf(m.index);
        // "Do not post secrets or personal data" forbids the move it names.
        if (i >= 0 && !(negatable && NEGATED_BEFORE.test(text.slice(Math.max(bounds[i]![0], m.index - 24), m.index)))) hit[i] = true;
      }
      return hit;
    };
    const send = mark(SEND_RE, true);
    if (send.some(Boolean)) {
      const dest = mark(DEST_RE);
      const user = mark(USER_DATA_RE);
      const secret = mark(SECRET_RE);
      for (let i = 0; i < bounds.length; i++) {
        if (secret[i]) out[i]!.families.add('sensitive');
        if (send[i] && (dest[i] || secret[i] || user[i])) out[i]!.families.add('move');
      }
    } else {
      const secret = mark(SECRET_RE);
      for (let i = 0; i < bounds.length; i++) if (secret[i]) out[i]!.families.add('sensitive');
    }
    for (let i = 0; i < bounds.length; i++) {
      const o = out[i]!;
      // "Never click buy buttons without asking the user" makes the user's consent a condition; it hides nothing.
      if (o.families.has('conceal')) {
        const sentence = text.slice(bounds[i]![0], bounds[i]![1]);
        if (PROTECTIVE_WITHOUT.test(sentence) && !HIDING.test(sentence)) o.families.delete('conceal');
      }
      // "Returns the conversation history of a channel" says what a tool gives back, not what it wants.
      if (o.families.has('harvest') && TOOL_OUTPUT_STATEMENT.test(text.slice(bounds[i]![0], bounds[i]![1]))) o.families.delete('harvest');
      // "Paths outside the allowed directories (for example ~/.ssh) are refused" names a secret to keep it out.
      if (!o.families.has('sensitive') || o.families.has('move')) continue;
      const sentence = text.slice(bounds[i]![0], bounds[i]![1]);
      if ((REFUSED.test(sentence) && !REQUEST_VERB.test(sentence)) || FORBIDDEN_INCLUSION.test(sentence)) o.families.delete('sensitive');
    }
    return out;
  }
}

const DIRECTIVE: readonly Family[] = ['marker', 'task', 'self', 'tool', 'move', 'conceal', 'authority', 'role', 'memory', 'sensitive', 'override', 'output', 'dictate', 'cross', 'command'];
// What a tool description's usage notes do: tell the model when and how to call, mention the user or a parameter.
const USAGE_NOTE: readonly Family[] = ['command', 'task', 'self', 'tool', 'param', 'cross'];
// Families that, without any reference to the model, still describe the agent's own behaviour.
const AGENTIC: readonly Family[] = ['conceal', 'authority', 'role', 'memory', 'override', 'output', 'dictate', 'marker'];
// With the model named as the one who must act, these make it more than a usage note.
const STRONG_FOR_SUBJECT: readonly Family[] = ['move', 'conceal', 'authority', 'role', 'memory', 'sensitive', 'override', 'output', 'dictate'];

/** Weight of a span from its families; 0 when the combination is ordinary prose. */
export function structureWeight(f: ReadonlySet<Family>, surface: Surface): number {
  const has = (x: Family): boolean => f.has(x);
  const any = (...xs: Family[]): boolean => xs.some(has);
  const desc = surface === 'description';
  const directives = DIRECTIVE.filter((d) => has(d) && !(d === 'cross' && !desc)).length;
  if (has('reader')) {
    // The model is addressed; an obligation put on it ("… must cite") is itself a directive. A description
    // addresses the model by design ("Guidelines for the model: call list_tables first"): there only what a
    // usage note does not do counts.
    const n = desc ? DIRECTIVE.filter((d) => has(d) && !USAGE_NOTE.includes(d)).length : directives + (has('subject') ? 1 : 0);
    return n === 0 ? 0 : n === 1 ? 0.5 : n === 2 ? 0.62 : 0.75;
  }
  let w = 0;
  if (has('subject')) {
    // Descriptions legitimately say "the assistant should call this tool when …": there the model as
    // subject needs evidence beyond a tool, the user or a task word.
    const strong = STRONG_FOR_SUBJECT.filter(has).length + (desc && has('cross') ? 1 : 0) + (desc && has('param') && has('sensitive') ? 1 : 0);
    const weak = (['task', 'self', 'tool'] as const).filter(has).length;
    if (desc) w = strong === 0 ? 0 : strong + weak >= 2 ? 0.6 : 0.5;
    else if (strong + weak > 0) w = strong + weak === 1 ? (strong ? 0.5 : 0.45) : strong + weak === 2 ? 0.58 : 0.7;
  }
  // Descriptions asking for secrets or the conversation in a parameter. A credential the tool itself uses
  // ("token: optional GitHub token for this call") is ordinary; one gathered from elsewhere is harvesting.
  if (desc && has('param') && has('sensitive')) w = Math.max(w, has('ownkey') && !has('harvest') ? 0.25 : 0.6);
  // In a schema's property description the parameter is implied: what is gathered is the evidence.
  if (desc && has('harvest') && has('sensitive')) w = Math.max(w, 0.6);
  if (desc && has('cross') && any('task', 'tool', 'move', 'dictate', 'conceal')) w = Math.max(w, 0.5);
  const agentic = AGENTIC.filter(has).length;
  const others = directives - agentic;
  if (has('authority') && any('self', 'role', 'override')) w = Math.max(w, 0.55);
  // A memory tool's description says it stores facts about the user; there memory needs more than the user.
  if (has('memory') && (desc ? any('task', 'sensitive', 'override') : any('task', 'self', 'sensitive', 'override'))) w = Math.max(w, 0.55);
  if (has('override') && any('self', 'task')) w = Math.max(w, 0.55);
  if (has('output') && any('sensitive', 'move')) w = Math.max(w, 0.55);
  if (has('role') && (any('sensitive', 'move', 'tool') || (has('self') && any('task', 'override')))) w = Math.max(w, 0.5);
  if (has('conceal') && any('move', 'tool')) w = Math.max(w, 0.5);
  // "The user will not see it" names the user itself: on its own that stays below the wrap band.
  if (has('conceal') && has('self')) w = Math.max(w, 0.45);
  if (has('dictate') && has('task')) w = Math.max(w, 0.5);
  if (agentic >= 2) w = Math.max(w, others >= 1 ? 0.6 : 0.5);
  else if (agentic === 1 && others >= 2) w = Math.max(w, 0.5);
  // Second person about the agent's own answer or principal, with secrets, data movement or tools.
  // In a description "call this tool when the user asks …" is the usage note itself: there a tool is not enough.
  // A description whose credential is the tool's own ("Only pass a token the user has given you for this
  // repository") tells the model how to fill its own parameter; gathering one from elsewhere is still harvesting.
  const ownCredential = desc && has('ownkey') && !has('harvest');
  if (has('self') && has('task') && !ownCredential && (desc ? any('sensitive', 'move') : any('sensitive', 'move', 'tool'))) w = Math.max(w, 0.5);
  return w;
}

const FAMILIES: readonly Family[] = [
  'reader', 'subject', 'task', 'self', 'tool', 'move', 'conceal', 'authority', 'role', 'memory', 'sensitive',
  'override', 'output', 'dictate', 'cross', 'param', 'marker', 'command', 'harvest', 'ownkey',
];
function maskOf(f: ReadonlySet<Family>): number {
  let m = 0;
  FAMILIES.forEach((x, k) => {
    if (f.has(x)) m |= 1 << k;
  });
  return m;
}
// A memo of a pure function (at most 2^20 masks per surface), not state that changes a verdict.
const WEIGHT_CACHE: Record<Surface, Map<number, number>> = { request: new Map(), response: new Map(), description: new Map() };
function weightOfMask(mask: number, surface: Surface): number {
  const cache = WEIGHT_CACHE[surface];
  let w = cache.get(mask);
  if (w === undefined) {
    w = structureWeight(new Set(FAMILIES.filter((_, k) => (mask & (1 << k)) !== 0)), surface);
    cache.set(mask, w);
  }
  return w;
}

/** Sentences of a text and the families each one carries. */
export interface SentenceScan {
  bounds: Array<[number, number]>;
  perSentence: SentenceFamilies[];
  /** Per sentence: it ends a text of its own (a JSON string value), so no span combines it with the next. */
  closed?: boolean[];
}

/** Split `text` into sentences and scan each for families (one pass per family over the whole text). */
export function scanSentences(text: string, scanner: StructureScanner): SentenceScan {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  // In a JSON document each string value is its own text (one post, one comment): its end ends a sentence.
  const ends = [...execAll(SENTENCE_END, text)].map((m) => m.index + 1);
  const valueEnds = new Set<number>();
  if (JSON_START.test(text)) {
    for (const m of execAll(JSON_VALUE_END, text)) valueEnds.add(m.index + 1);
    ends.push(...valueEnds);
    ends.sort((a, b) => a - b);
  }
  const closed: boolean[] = [];
  for (const end of ends) {
    if (end <= start) continue;
    if (end - start > 1) {
      bounds.push([start, end]);
      closed.push(valueEnds.has(end));
    } else if (valueEnds.has(end) && closed.length) closed[closed.length - 1] = true;
    start = end;
  }
  if (text.length - start > 1) {
    bounds.push([start, text.length]);
    closed.push(true);
  }
  return { bounds, perSentence: scanner.scanAll(text, bounds), closed };
}

/**
 * Spans of up to three consecutive sentences (at most 600 characters) whose families combine into an
 * instruction to the agent. Reports the strongest span per starting sentence, merged when adjacent.
 */
export function structureHits(text: string, scanner: StructureScanner, surface: Surface, scanned?: SentenceScan): StructureHit[] {
  const scan = scanned ?? scanSentences(text, scanner);
  const { bounds, perSentence } = scan;
  // Families as bit masks: unions and weights of many short sentences stay cheap (weights are memoised).
  const masks = perSentence.map((p) => maskOf(p.families));
  // A description is about one tool: a credential it calls its own anywhere in it ("If omitted, the key from
  // the server environment is used", "sent only to the shop's Admin API") is its own in every sentence.
  if (surface === 'description') {
    const own = maskOf(new Set<Family>(['ownkey']));
    if (masks.some((m) => (m & own) !== 0)) for (let i = 0; i < masks.length; i++) if (masks[i]) masks[i]! |= own;
  }
  const out: StructureHit[] = [];
  for (let i = 0; i < bounds.length; i++) {
    let union = 0;
    let best = 0;
    let bestEnd = bounds[i]![1];
    let bestMask = 0;
    // The hit sits where the model is addressed or named, so a quoted address is discounted as quoted.
    let lead = -1;
    let bestLead = -1;
    for (let j = i; j < Math.min(bounds.length, i + 3); j++) {
      if (bounds[j]![1] - bounds[i]![0] > 600 || (j > i && scan.closed?.[j - 1])) break;
      const p = perSentence[j]!;
      union |= masks[j]!;
      if (union === 0) continue;
      if (lead < 0 && p.lead >= 0) lead = bounds[j]![0] + p.lead;
      const w = weightOfMask(union, surface);
      if (w > best) {
        best = w;
        bestEnd = bounds[j]![1];
        bestMask = union;
        bestLead = lead;
      }
    }
    if (best > 0) {
      const families = FAMILIES.filter((_, k) => (bestMask & (1 << k)) !== 0);
      out.push({
        id: 'agent-directive',
        start: bestLead >= 0 ? bestLead : bounds[i]![0],
        end: bestEnd,
        weight: best,
        families,
        explain: `instruction aimed at the agent (${[...families].sort().join(', ')})`,
      });
    }
  }
  return out;
}
