/**
 * The signal rules. Each rule is a regular expression over normalised text with a weight: how
 * strongly one hit suggests text meant to steer the model rather than inform it. Weights combine as
 * independent evidence (1 − Π(1 − w)) inside one window. Rules marked `anchor` are the signals that
 * keep quoted text from being discounted (addressed to the model, a live tool name, exfiltration).
 *
 * Patterns are bounded (no nested unbounded repetition) so every rule is linear in the text.
 */
import type { Surface } from '../types.js';
import type { InjectionLanguage } from './config.js';
import { ADDRESS_PREFIX_ML, DONT_FOLLOW, MODEL_TERMS_ML, MODEL_TERMS_STRONG, SECRET_OBJECTS } from './lexicon.js';

export type Anchor = 'addressed' | 'tool' | 'exfil';

export interface Rule {
  id: string;
  /** Weight on responses and requests. */
  weight: number;
  /** Weight on tool descriptions, when different. */
  descriptionWeight?: number;
  re: RegExp;
  lang?: InjectionLanguage;
  /** Surfaces it applies to; all when absent. */
  surfaces?: readonly Surface[];
  /** A hit decides on its own (still subject to the quoted-text discount unless anchored). */
  hard?: boolean;
  anchor?: Anchor;
  /** Human explanation used in finding details. */
  explain: string;
  /**
   * Cheap precondition: lowercase substrings of which at least one must occur (or a pattern that must
   * match) before the rule's expression runs. Only a speed-up; it never changes what the rule finds.
   */
  gate?: readonly string[] | RegExp;
}

// No `u` flag: every pattern is BMP-only, and non-unicode case-insensitive matching is much faster in V8.
const G = 'gi';
const DONT_FOLLOW_GATES: Record<string, readonly string[]> = {
  es: ['no '], de: ['nicht', 'vergiss'], fr: ['ne '], pt: ['não'], it: ['non '], nl: ['niet', 'vergeet'], ru: ['не '],
  zh: ['不要'], ja: ['従わ'], ko: ['따르지'], ar: ['لا '],
};
const r = (src: string): RegExp => new RegExp(src, G);

// Vocabulary shared by the English rules.
const PRIOR = '(?:previous|prior|above|earlier|preceding|foregoing|former|original|initial|existing|old|your|system|developer|safety|all(?: of)?(?: the| your)?(?: previous| prior| above| earlier)?)';
const GUIDANCE = '(?:instructions?|prompts?|rules|directives?|directions|guidelines|guidance|guardrails|constraints|programming|orders|restrictions|policies|system messages?|context)';
const MODEL = '(?:AI|A\\.I\\.|LLM|large language model|language model|assistant|AI assistant|AI agent|agent(?!s\\b)|chat ?bot|bot|model|summari[sz]er|Claude|ChatGPT|GPT(?:-\\d)?|Copilot|Gemini|Cursor|Llama|Mistral|Codex)';
// The negation lookbehind sits after a first-letter lookahead: a lookbehind tried at every position is slow on long texts.
const SEND = '(?=[a-z])(?<!(?:never|not|n\'t|avoid|without) )(?:send|post|upload|forward|transmit|exfiltrate|leak|email|mail|submit|share|paste|append|attach|include|embed|copy|push|publish|commit|sync)(?:s|es|ed|ing)?';
const READ = '(?=[a-z])(?<!(?:never|not|n\'t|avoid|without) )(?:read|cat|open|print|output|dump|display|show|retrieve|fetch|grab|collect|extract|obtain|exfiltrate)(?:s|es|ed|ing)?';
export const SECRET_PATH =
  '(?:~|\\$HOME|%USERPROFILE%|/home/[\\w.-]+|/root|/Users/[\\w.-]+)?/?(?:\\.ssh(?!/[\\w.-]*\\.pub\\b)(?:/[\\w.-]+)?|\\.aws/(?:credentials|config)|\\.aws(?=\\b)|\\.gnupg|\\.kube/config|\\.docker/config\\.json|\\.npmrc|\\.pypirc|\\.netrc|\\.git-credentials|\\.config/gh/hosts\\.yml|\\.password-store|\\.bash_history|\\.zsh_history|\\.config/gcloud|\\.azure)|\\bid_(?:rsa|ed25519|ecdsa|dsa)\\b(?!\\.pub)|(?<![\\w.])\\.env(?:\\.local|\\.production)?\\b(?!\\.example|\\.sample|\\.template)|/etc/(?:passwd|shadow|sudoers)|\\bwallet\\.dat\\b|\\bcredentials\\.json\\b|\\bmcp\\.json\\b|claude_desktop_config\\.json|(?:Google/Chrome|google-chrome|Chromium|Microsoft/Edge|BraveSoftware/Brave-Browser)/(?:Default|Profile \\d+)/(?:Cookies|Login Data|Web Data)\\b|\\.mozilla/firefox\\b|\\b(?:logins\\.json|key4\\.db|cookies\\.sqlite)\\b';

const BASE_RULES: Rule[] = [
  // ---- instruction override, per language ----
  { id: 'override-instructions', lang: 'en', weight: 0.65, descriptionWeight: 0.7, explain: 'tells the reader to discard its instructions',
    re: r(`\\b(?:ignore|disregard|forget|override|overrule|bypass|abandon|discard|neglect|set aside|do not follow|stop following|don't follow|no longer follow|pay no attention to|take no notice of|throw away|throw out|scrap|do not obey|don't obey|stop obeying)\\b(?<!\\b(?:make|makes|made|making|let|lets|get|gets|have|has|teach|force|forces|how to|how do I|how can I|can I)\\b[^.?!\\n]{0,25}?\\b(?:ignore|disregard|forget|override|overrule|bypass|abandon|discard|neglect|set aside|do not follow|stop following|don't follow|no longer follow|pay no attention to|take no notice of|throw away|throw out|scrap|do not obey|don't obey|stop obeying))[^\\n.!?]{0,40}?\\b${PRIOR}\\b[^\\n.!?]{0,30}?\\b${GUIDANCE}\\b(?! (?:I|we) (?:sent|gave|wrote|posted|shared|mentioned|e-?mailed|provided|left)\\b)(?! (?:on|in|at|taped to|pinned to|stuck to|inside) (?:the |that |this |our |each )?(?:counter|wall|door|fridge|box|package|packaging|label|sticker|whiteboard|printout|binder|leaflet|poster|lid|kiosk|desk|shelf|notice ?board)s?\\b)(?! (?:from|of|in|dated|sent on) (?:the |my |our |last |this )?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last week|week|month|memo|e-?mail|letter|meeting|call|thread|me|us|HR|IT|finance)\\b)`) },
  { id: 'override-instructions', lang: 'en', weight: 0.6, explain: 'tells the reader to discard the instructions it was given',
    re: r(`\\b(?:ignore|disregard|forget|override|bypass|do not follow|don't follow|stop following|pay no attention to|take no notice of|throw away|no longer follow)\\b[^\\n.!?]{0,20}?\\b${GUIDANCE}\\b[^\\n.!?]{0,12}?\\b(?:(?:from|by|of|given by) (?:your|the) (?:developers?|creators?|operators?|system|admins?|administrators?|owners?|programmers?|makers?)|(?:that )?you(?:'ve| have)? (?:were |have been |had been )?(?:given|received|got|told|provided|configured with|programmed with|set up with|started with))`) },
  { id: 'override-instructions', lang: 'en', weight: 0.6, explain: 'tells the reader to discard what it was told before',
    gate: ['ignor', 'disregard', 'forget', 'no attention', 'throw'],
    re: r("\\b(?:ignore|disregard|forget|pay no attention to|throw away)\\b (?:everything|anything|all|what(?:ever)?) (?:you(?:'ve| have)? (?:were |been )?(?:told|given|asked|instructed)|(?:written |said |stated )?(?:above|before this|so far|up to (?:this|now))|that (?:came|was said) before)") },
  { id: 'override-instructions', lang: 'en', weight: 0.55, explain: 'declares the instructions the model was given void',
    gate: ['outdated', 'obsolete', 'void', 'revoked', 'cancel', 'supersed', 'no longer', 'invalid', 'deprecated'],
    re: r(`\\b(?:your|the|all|any)\\s+(?:previous |prior |earlier |original |initial |system |current |other |old )?${GUIDANCE}\\b(?: (?:that )?you (?:got|received|were given|have been given|were configured with|started with)| (?:from|of|given by) (?:the |your )?(?:start|beginning|developers?|operators?|system|other servers?|other tools?))?[^\\n.!?]{0,25}?\\b(?:(?:is|are|have been|has been) (?:now )?(?:outdated|obsolete|void|revoked|cancell?ed|superseded|invalid|deprecated)|no longer (?:valid|relevant|apply|applies|applicable|in effect|matter))\\b|\\bsupersed(?:es|ing) (?:any|all|every)(?: other| previous| prior)?(?: tool| system)? (?:instructions?|rules|guidelines|prompts?)\\b`) },
  { id: 'override-instructions', lang: 'en', weight: 0.55, explain: 'declares earlier instructions void',
    re: r(`\\b${PRIOR} ${GUIDANCE} (?:are|is|have been|were) (?:now )?(?:void|revoked|cancell?ed|obsolete|outdated|no longer (?:valid|apply|applicable|in effect)|superseded|null)`) },
  { id: 'override-instructions', lang: 'es', weight: 0.65, explain: 'tells the reader to discard its instructions (es)',
    re: r('\\b(?:ignora|ignore|ignoren|olvida|olvide|olviden|descarta|omite|no sigas)\\b[^\\n.!?]{0,30}?\\b(?:las |tus |sus )?(?:instrucciones|indicaciones|[oó]rdenes|reglas|directrices)\\b[^\\n.!?]{0,20}?(?:anteriores|previas|de arriba|del sistema|originales|de antes)|\\b(?:ignora|olvida|descarta)\\b[^\\n.!?]{0,20}?(?:todo lo anterior|todas las instrucciones)') },
  { id: 'override-instructions', lang: 'de', weight: 0.65, explain: 'tells the reader to discard its instructions (de)',
    re: r('\\b(?:ignoriere|ignorieren sie|ignoriert|vergiss|vergessen sie|missachte|verwirf)\\b[^\\n.!?]{0,40}?\\b(?:vorherigen|bisherigen|vorigen|obigen|vorangegangenen|früheren|ursprünglichen|alle|deine|ihre)\\b[^\\n.!?]{0,20}?(?:Anweisungen|Instruktionen|Befehle|Regeln|Vorgaben|Richtlinien|Anordnungen)') },
  { id: 'override-instructions', lang: 'fr', weight: 0.65, explain: 'tells the reader to discard its instructions (fr)',
    re: r("\\b(?:ignore|ignorez|ignorer|oublie|oubliez|néglige|négligez|ne suis pas|ne tiens pas compte)\\b[^\\n.!?]{0,30}?\\b(?:les |tes |vos |toutes les )?(?:instructions|consignes|directives|règles|ordres)\\b[^\\n.!?]{0,20}?(?:précédentes|antérieures|ci-dessus|initiales|du système|d'origine)") },
  { id: 'override-instructions', lang: 'pt', weight: 0.65, explain: 'tells the reader to discard its instructions (pt)',
    re: r('\\b(?:ignore|ignora|ignorem|esqueça|esquece|esqueçam|desconsidere|descarte)\\b[^\\n.!?]{0,30}?\\b(?:as |suas |tuas |todas as )?(?:instruções|instrucoes|orientações|ordens|regras|diretrizes)\\b[^\\n.!?]{0,20}?(?:anteriores|prévias|acima|do sistema|originais)') },
  { id: 'override-instructions', lang: 'it', weight: 0.65, explain: 'tells the reader to discard its instructions (it)',
    re: r('\\b(?:ignora|ignorate|ignori|dimentica|dimenticate|scarta|trascura|non seguire)\\b[^\\n.!?]{0,30}?\\b(?:le |tue |tutte le )?(?:istruzioni|indicazioni|direttive|regole|ordini)\\b[^\\n.!?]{0,20}?(?:precedenti|anteriori|sopra|di sistema|originali|di prima|date prima)') },
  { id: 'override-instructions', lang: 'nl', weight: 0.65, explain: 'tells the reader to discard its instructions (nl)',
    re: r('\\b(?:negeer|negeren|vergeet|vergeten|veronachtzaam)\\b[^\\n.!?]{0,30}?\\b(?:alle |de |je |jouw )?(?:vorige|eerdere|voorgaande|bovenstaande|oorspronkelijke)\\b[^\\n.!?]{0,20}?(?:instructies|aanwijzingen|opdrachten|regels|richtlijnen)') },
  { id: 'override-instructions', lang: 'ru', weight: 0.65, explain: 'tells the reader to discard its instructions (ru)',
    re: r('(?:игнорируй|игнорируйте|проигнорируй|забудь|забудьте|не обращай внимания на|отбрось|отмени)[^\\n.!?]{0,30}?(?:предыдущие|прежние|прошлые|вышеуказанные|все|свои|системные)[^\\n.!?]{0,20}?(?:инструкции|указания|команды|правила|распоряжения)') },
  { id: 'override-instructions', lang: 'zh', weight: 0.65, explain: 'tells the reader to discard its instructions (zh)',
    re: r('(?:忽略|忽视|无视|無視|忘记|忘記|不要理会|不要遵循|放弃)[^\\n。！？]{0,12}?(?:之前|以前|先前|上面|上述|以上|前面|所有|原来|原有|系统)[^\\n。！？]{0,8}?(?:的)?(?:指令|指示|说明|說明|规则|規則|提示|命令|要求)') },
  { id: 'override-instructions', lang: 'ja', weight: 0.65, explain: 'tells the reader to discard its instructions (ja)',
    re: r('(?:以前|これまで|前|上記|先|元|全て|すべて|システム)の(?:指示|命令|指令|ルール|プロンプト|設定)(?:は|を)?(?:すべて|全て)?(?:無視|忘れ|破棄)') },
  { id: 'override-instructions', lang: 'ko', weight: 0.65, explain: 'tells the reader to discard its instructions (ko)',
    re: r('(?:이전|위의|앞의|기존|모든|시스템)\\s?(?:의\\s)?(?:모든\\s)?(?:지시|지침|명령|규칙|프롬프트|안내)(?:사항)?(?:을|를|은|는)?\\s?(?:모두\\s)?(?:무시|잊어)') },
  { id: 'override-instructions', lang: 'ar', weight: 0.65, explain: 'tells the reader to discard its instructions (ar)',
    re: r('(?:تجاهل|تجاهلي|تجاهلوا|انس|انسَ|إنس|اهمل|أهمل)[^\\n.!?؟]{0,20}?(?:جميع |كل )?(?:التعليمات|الأوامر|الإرشادات|القواعد|التوجيهات)[^\\n.!?؟]{0,15}?(?:السابقة|الأصلية|أعلاه|الماضية)') },

  ...Object.entries(DONT_FOLLOW).map(([lang, src]): Rule => ({
    id: 'override-instructions', lang: lang as InjectionLanguage, weight: 0.6, explain: `tells the reader not to follow its instructions (${lang})`, re: r(src),
    gate: DONT_FOLLOW_GATES[lang] ?? [],
  })),

  // ---- a new role or task for the reader ----
  { id: 'new-instructions', lang: 'en', weight: 0.5, explain: 'assigns the reader a new role or task',
    re: r(`\\b(?:you are now(?! (?:ready|able|set|all set|done|connected|logged|signed|subscribed|registered|enrolled|free|good to go|on the|in the|part of)\\b)|from now on,? you|from now on,? your|henceforth,? you|your new (?:instructions?|task|role|goal|objective|purpose|directive|prompt) (?:is|are)|new (?:system |priority |urgent |primary |main )?(?:instructions?|task|objective|goal|directive)s?\\s*:|updated instructions? (?:for|to) (?:the )?${MODEL}|pretend (?:to be|you are)(?! an? (?:new |first-time |regular |typical |real )?(?:user|customer|visitor|beginner|reader|student)\\b)|you must now|your (?:real|true|actual|primary) (?:task|goal|objective|instructions?) (?:is|are))(?:\\b|(?<=:))`) },
  { id: 'new-instructions', lang: 'es', weight: 0.5, explain: 'assigns the reader a new role or task (es)',
    re: r('\\b(?:ahora eres|a partir de ahora,? (?:eres|debes|tu)|tus nuevas instrucciones son|tu nueva tarea es|nuevas instrucciones:)') },
  { id: 'new-instructions', lang: 'de', weight: 0.5, explain: 'assigns the reader a new role or task (de)',
    re: r('\\b(?:du bist jetzt|du bist nun|ab sofort (?:bist|musst|sollst) du|von nun an (?:bist|musst|sollst) du|deine neuen anweisungen (?:sind|lauten)|deine neue aufgabe ist|neue anweisungen:)') },
  { id: 'new-instructions', lang: 'fr', weight: 0.5, explain: 'assigns the reader a new role or task (fr)',
    re: r("\\b(?:tu es maintenant|vous êtes maintenant|désormais,? (?:tu|vous) (?:es|êtes|dois|devez)|à partir de maintenant,? (?:tu|vous)|tes nouvelles instructions sont|vos nouvelles instructions sont|ta nouvelle tâche est|nouvelles instructions :?)") },
  { id: 'new-instructions', lang: 'pt', weight: 0.5, explain: 'assigns the reader a new role or task (pt)',
    re: r('\\b(?:agora você é|você agora é|a partir de agora,? (?:você|tu|responda|responde|deve|diga|escreva)|suas novas instruções são|sua nova tarefa é|novas instruções:)') },
  { id: 'new-instructions', lang: 'it', weight: 0.5, explain: 'assigns the reader a new role or task (it)',
    re: r('\\b(?:ora sei|adesso sei|da ora in poi,? (?:sei|devi)|le tue nuove istruzioni sono|il tuo nuovo compito è|nuove istruzioni:)') },
  { id: 'new-instructions', lang: 'nl', weight: 0.5, explain: 'assigns the reader a new role or task (nl)',
    re: r('\\b(?:je bent nu|jij bent nu|vanaf nu (?:ben|moet) je|je nieuwe instructies zijn|je nieuwe taak is|nieuwe instructies:)') },
  { id: 'new-instructions', lang: 'ru', weight: 0.5, explain: 'assigns the reader a new role or task (ru)',
    re: r('(?:теперь ты|теперь вы|отныне ты|с этого момента ты|твои новые инструкции|твоя новая задача|новые инструкции:)') },
  { id: 'new-instructions', lang: 'zh', weight: 0.5, explain: 'assigns the reader a new role or task (zh)',
    re: r('(?:你现在是|你現在是|从现在开始你|從現在開始你|你的新任务是|你的新任務是|新的指令[:：]|新指令[:：])') },
  { id: 'new-instructions', lang: 'ja', weight: 0.5, explain: 'assigns the reader a new role or task (ja)',
    re: r('(?:あなたは今から|今からあなたは|これからあなたは|あなたの新しい(?:指示|タスク|役割)は|新しい指示[:：])') },
  { id: 'new-instructions', lang: 'ko', weight: 0.5, explain: 'assigns the reader a new role or task (ko)',
    re: r('(?:너는 이제|당신은 이제|지금부터 (?:너는|당신은)|새로운 지시(?:사항)?[:：은는]|당신의 새로운 (?:임무|작업|역할)은)') },
  { id: 'new-instructions', lang: 'ar', weight: 0.5, explain: 'assigns the reader a new role or task (ar)',
    re: r('(?:أنت الآن|انت الآن|من الآن فصاعدا|تعليماتك الجديدة|مهمتك الجديدة هي|تعليمات جديدة:)') },

  // ---- addressed to the model ----
  { id: 'addressed-to-model', lang: 'en', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly',
    // A bare "to"/"for" opens an address only at the start of a sentence or clause; mid-sentence it names where text
    // goes ("surfaced the comment to the model,"), not whom it speaks to.
    re: r(`(?<!\\b(?:contains?|containing|has|have|with|includes?|including|adds?|added|writes?|wrote|plants?|planted|hides?|hid|reads?|follows?|obeys?|like|as)\\s)\\b(?:dear|attention|note (?:to|for)|hey|hi|hello|message (?:to|for)|instructions? (?:to|for)|important (?:note )?(?:to|for)|(?<=(?:^|[^A-Za-z0-9\\s,'"])\\s{0,8})(?:to|for)) (?:the |any |all |every )?${MODEL}s?\\b[^\\n]{0,25}?(?:[:,!—–\\])-]|(?:reading|processing|summari[sz]ing|parsing|browsing|that reads|who reads|which reads|analy[sz]ing) (?:this|these))|\\b(?:if|when|since|because) you(?:'re| are) (?:an? |the )?(?:automated |virtual |digital )?(?:AI|LLM|language model|large language model|assistant|AI assistant|AI agent|automated agent|bot|chat ?bot)\\b(?!\\s+(?:researcher|engineer|developer|scientist|enthusiast|expert|company|startup|team|student|professional|practitioner|user|product|ethicist)s?\\b)|\\b(?:if|when|whenever) (?:an?|the|any) (?:AI|LLM|language model|assistant|agent|bot|model|crawler|scraper)s? (?:reads|parses|processes|summari[sz]es|visits|crawls|sees|indexes|ingests) (?:this|these)\\b|\\b(?:if|when|whenever) (?:an?|the|any) (?:AI|LLM|language model|assistant|AI assistant|agent|bot|model)s? (?:is|are) (?:drafting|writing|reading|processing|summari[sz]ing|handling|answering|replying|reviewing|triaging|looking at)\\b|\\b(?:AI|LLM|automated) (?:assistants?|agents?|models?|systems?|crawlers?)(?:,)? (?:reading|processing|summari[sz]ing|parsing|browsing|that (?:read|process|summari[sz]e)) (?:this|these)|\\bas an? (?:AI|LLM|language model) (?:reading|processing|summari[sz]ing) this`) },
  { id: 'addressed-to-model', lang: 'en', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly',
    // A line break starts an address only where it is not wrapping a sentence ("including the\nassistant, …").
    re: r(`(?:^|[.!?(\\[\\]>:;#*/]\\s{0,8}|\\n(?<!\\b(?:the|a|an|your|our|their|this|that|of|and|or|to|for|with|by|in|on|including)[ \\t]{0,8}\\n)\\s{0,8}|=["']|":\\s?"|—\\s{0,8}|-\\s+)(?:hey |hi |hello |ok(?:ay)? |dear |attention,? |important,? )?(?:the (?=(?:${MODEL})s?(?: model| agent)?\\s*:))?(?:${MODEL})s?(?: model| agent)?\\s*(?:[,:!]|\\s[—–-])(?=\\s*(?:please |kindly |you |stop |do |don't |ignore|forget|disregard|always|never|before|when|after|first|also|next|now|then|immediately|new (?:instructions?|task|rules?|role|orders?|directives?|priority|objective|mission)\\b|from now|the user |your (?:new |real |true |actual |only |next |main |primary |updated |current )?(?:task|instructions?|job|goal|role|prompt|rules|answer|reply|response|summary|output|mission|objective|priority|system|guidelines|memory|tools?)\\b|(?:tell|say|send|call|run|rate|recommend|list|output|print|close|approve|add|include|open|fetch|forward|skip|share|confirm|delete|remove|mark|describe|rank|state|reply|respond|write|insert|use|proceed|execute|go|make|stop|quietly|silently|immediately)\\b|[a-z]+ (?:the|all|every|this|my|their|its|your|what|any|that)\\b))`) },
  { id: 'addressed-to-model', weight: 0.45, anchor: 'addressed', explain: 'addresses a named assistant or the AI directly',
    gate: /chatgpt|claude|copilot|gemini|gpt|llama|mistral|codex|\bai\b|\bia\b|\bki\b|ии|ассистент|asistente|assistente|assistent|assistant/i,
    re: r('(?:^|[.!?(\\[\\n\\]>:;#*/]\\s{0,8}|—\\s{0,8})(?:ChatGPT|Claude|Copilot|Gemini|GPT-?\\d?o?|Llama|Mistral|Codex|IA|KI|AI|ИИ|Ассистент|Asistente|Assistente|Assistent|Assistant)\\s*(?:,|\\s[—–-])\\s|(?:[.!?(\\[\\]>#*/]\\s{0,8}|—\\s{0,8})(?:ChatGPT|Claude|Copilot|Gemini|GPT-?\\d?o?|Llama|Mistral|Codex)\\s*:\\s') },
  { id: 'addressed-to-model', lang: 'en', weight: 0.45, anchor: 'addressed', explain: 'addresses whatever model reads this content',
    gate: ['whichever', 'whatever', 'any ', 'behind', 'automated', 'running', 'powering', 'reading', 'processing', 'instruction', 'note', 'notice', 'directive'],
    re: r(`\\b(?:whichever|whatever|any) (?:AI|model|assistant|LLM|agent|bot)s? (?:you are|is reading|reads|that reads|processing)\\b|\\bthe (?:model|AI|assistant|agent|LLM|bot) (?:behind|running|powering|reading|processing|summari[sz]ing) (?:this|these)\\b|\\bautomated (?:readers?|systems?|tools?|agents?|crawlers?|summari[sz]ers?|assistants?)\\b[^\\n]{0,60}?\\b(?:of|reading|processing|summari[sz]ing|visiting) (?:this|these)\\b|(?<!\\b(?:threat|data|domain|business|pricing|object|mental|security|permission|access|cost|risk|operating|service|role|product|support|sales|field|travel|insurance|real estate|call cent(?:er|re)|human) )\\b(?:${MODEL})s? (?:instructions?|directives?|guidance|rules)\\s*:`) },
  { id: 'addressed-to-model', lang: 'en', weight: 0.4, anchor: 'addressed', explain: 'gives instructions for when the model processes this content',
    gate: ['summar', 'process', 'read', 'analy', 'translat', 'answering', 'review', 'pars', 'index', 'crawl'],
    re: r('\\b(?:when|while|if|before|after|whenever) (?:you(?:\'re| are)? )?(?:summari[sz]ing|summari[sz]e|processing|process|reading|read|analy[sz]ing|analy[sz]e|translating|answering questions about|reviewing|parsing|indexing|crawling) (?:this|the|these) (?:page|document|article|e-?mail|message|file|text|ticket|issue|review|content|website|site|résumé|resume|cv|repository|repo|code|pdf|post|thread|listing|results?|agreement|contract|invoice|report|proposal|spreadsheet|sheet|table|row|record|form|entry|dataset|log|note|comment|attachment|event|invite|transcript)s?\\b') },
  { id: 'addressed-to-model', lang: 'es', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (es)',
    re: r('\\b(?:querido|estimado|atención,?|nota para el|mensaje para el|instrucci(?:ón|ones) para el) (?:asistente|modelo|agente)(?: de IA| IA)?|\\bsi eres (?:un |una )?(?:IA|asistente|modelo de lenguaje|agente)') },
  { id: 'addressed-to-model', lang: 'de', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (de)',
    re: r('(?:\\b(?:liebe[rs]?|achtung,?|hinweis für (?:den|die)|nachricht an (?:den|die))|(?:^|[\\n.!?:;—–(])[ \\t]{0,8}an (?:den|die)) (?:KI-Assistenten|KI-Assistent|KI-Agenten|KI|Assistenten|Sprachmodell|KI-Modell)|\\bwenn du (?:eine |ein )?(?:KI|Sprachmodell|KI-Assistent|Assistent) bist') },
  { id: 'addressed-to-model', lang: 'fr', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (fr)',
    re: r("\\b(?:cher|chère|attention,?|note (?:au|à l')|message (?:au|à l')|instructions pour l') ?(?:assistant|modèle|agent|IA)(?: IA| d'IA)?\\b|\\bsi (?:tu es|vous êtes) (?:un |une )?(?:IA|assistant|modèle de langage|agent)") },
  { id: 'addressed-to-model', lang: 'pt', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (pt)',
    re: r('\\b(?:caro|prezado|atenção,?|nota para o|mensagem para o|instruções para o) (?:assistente|modelo|agente)(?: de IA| IA)?|\\bse você (?:é|for) (?:um |uma )?(?:IA|assistente|modelo de linguagem|agente)') },
  { id: 'addressed-to-model', lang: 'it', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (it)',
    re: r("\\b(?:caro|gentile|attenzione,?|nota per l'|messaggio per l'|istruzioni per l') ?(?:assistente|modello|agente)(?: IA| di IA)?|\\bse sei (?:un |una )?(?:IA|assistente|modello linguistico|agente)") },
  { id: 'addressed-to-model', lang: 'nl', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (nl)',
    re: r('\\b(?:beste|let op,?|bericht voor de|opmerking voor de|instructies voor de) (?:AI-assistent|assistent|AI|taalmodel|AI-agent)|\\bals je (?:een )?(?:AI|taalmodel|AI-assistent|assistent) bent') },
  { id: 'addressed-to-model', lang: 'ru', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (ru)',
    re: r('(?:дорогой|уважаемый|внимание,?|сообщение для|инструкции для|обращение к) (?:ИИ-ассистент|ИИ|ассистент|модел|агент|нейросет|языков)|если ты (?:ИИ|ассистент|языковая модель|нейросеть|агент)') },
  { id: 'addressed-to-model', lang: 'zh', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (zh)',
    re: r('(?:亲爱的|注意|致|给)(?:AI|人工智能|ＡＩ)?(?:助手|助理|模型|代理|智能体)|如果你是(?:一个)?(?:AI|人工智能|语言模型|助手|智能体)') },
  { id: 'addressed-to-model', lang: 'ja', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (ja)',
    re: r('(?:AI|ＡＩ)?(?:アシスタント|エージェント|言語モデル)(?:へ|さん|様)?(?:への(?:指示|メッセージ|注意))|(?:親愛なる|注意[:：])\\s?(?:AI|アシスタント|エージェント)|あなたが(?:AI|言語モデル|アシスタント)(?:なら|であれば)') },
  { id: 'addressed-to-model', lang: 'ko', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (ko)',
    re: r('(?:AI|인공지능)\\s?(?:어시스턴트|비서|에이전트|모델)(?:에게|님께|에게 보내는)|(?:친애하는|주의[:：]?)\\s?(?:AI|어시스턴트|에이전트)|당신이 (?:AI|인공지능|언어 모델)(?:라면|이라면)') },
  { id: 'addressed-to-model', lang: 'ar', weight: 0.45, anchor: 'addressed', explain: 'addresses the AI model directly (ar)',
    re: r('(?:عزيزي|إلى|ملاحظة إلى|رسالة إلى|تنبيه إلى) (?:مساعد الذكاء الاصطناعي|الذكاء الاصطناعي|المساعد|النموذج|الوكيل)|إذا كنت (?:ذكاء اصطناعي|مساعدا|نموذج لغة)') },


  // ---- addressing the model, structurally and in every language ----
  // A bare "Assistant:" at a line start is a transcript speaker; a header needs an addressing word
  // ("note for", "Hinweis an", "致") or a clause that says the model is reading this.
  { id: 'addressed-to-model', weight: 0.45, anchor: 'addressed', explain: 'opens with a header addressed to the AI model',
    re: r(`(?:^|[\\n.!?;\\[("'>*#/]\\s{0,8}|\\bp\\.s\\.\\s{0,8})${ADDRESS_PREFIX_ML}\\s*(?:the |any |all |every |los |las |el |la |die |den |der |le |les |l'|o |os |il |gli |de |het )?\\(?${MODEL_TERMS_ML}\\)?(?:\\s*\\([^)\\n]{0,24}\\)|\\s+(?:reading|processing|summari[sz]ing|using|running|parsing|reviewing|behind|that (?:read|process|summari[sz]e)|who (?:read|process)|que (?:lea|lean|procese|lee|lê|leia)|die (?:dies|das|diese) (?:liest|lesen)|qui (?:lit|lisez|traite)|che (?:legge|leggono)|die dit (?:leest|lezen)|читающ[а-яё]*|который читает)[^:\\n]{0,30})?(?:(?:の方|様|さん)?へ|に|への(?:指示|注意|メッセージ)|에게|님께|한테)?\\s*[:：,]\\s*(?=\\S)|(?:^|[\\n.!?;\\[("'>*#/]\\s{0,8})(?:the |any |all |every )?${MODEL_TERMS_ML}\\s+(?:reading|processing|summari[sz]ing|parsing|reviewing|behind|that (?:read|process|summari[sz]e)|who (?:read|process))[^:\\n]{0,30}[:：]\\s*(?=\\S)|${MODEL_TERMS_ML}(?:(?:の方|様|さん)?へ|への(?:指示|注意|メッセージ)|에게|님께)\\s*[:：]\\s*(?=\\S)|(?:^|[^A-Za-z0-9\\s,'’]\\s+|[\\n.!?;\\[(\"'>*#/]\\s{0,8})${MODEL_TERMS_STRONG}\\s*[:：]\\s*(?=\\S)|\\b(?:TODO|FIXME|NOTE|HACK|XXX)\\s*\\(\\s*(?:ai|llm|assistant|agent|copilot|claude|gpt|bot|cursor)\\s*\\)\\s*:`) },
  // A model term among the first few words of a line or sentence, closed by a vocative mark:
  // "Please note, AI:", "Beep boop, fellow AI!", "[[AI]]", "Нейросеть,", "Assistente virtual,".
  { id: 'addressed-to-model', weight: 0.4, anchor: 'addressed', explain: 'opens a sentence by calling on the AI',
    re: r(`(?:^|[\\n.!?;]\\s{0,8})(?:(?=[^\\s.!?;:,\\n]{0,39}[A-Za-z])[^\\s.!?;:,\\n]{1,40}[ ,]+){1,3}(?<!\\b(?:class|def|struct|interface|type|enum|new|extends|implements|import|from|function|threat|data|business|pricing|object|domain|mental|security|permission|access|cost|revenue|risk|operating|service|role|product|language|embedding|base|reference|in|on|of|about|with|and|or|into|at|than|like|versus|vs|the|a|an|not|no|this|that|your|our|their|its|my|un|una|uno|el|la|los|las|ein|eine|einen|der|die|das|den|le|les|une|il|lo|gli|um|uma|os|as|een|het|de) )(?<!\\b(?:ask|asks|asking|tell|prompt|ping|message|try|use|open|invoke) (?:the |your |an? )?)(?:fellow |dear |hey |hi |ok(?:ay)? )?(?:${MODEL_TERMS_STRONG}|AI|IA|KI|ИИ|Нейросеть|assistant|asistente|assistente|assistent|ассистент|modelo|modell|modèle|modello|model)(?: virtual| virtuel| virtuale)?\\s*[:,!]\\s+(?=\\S)|(?:^|[.!?;]\\s{0,8}|\\n(?<!\\b(?:the|a|an|your|our|their|this|that|of|and|or|to|for|with|by|in|on|including)[ \\t]{0,8}\\n)\\s{0,8})(?:\\[\\[|\\[|\\()?(?:fellow |dear |hey |hi |ok(?:ay)? )?(?:${MODEL_TERMS_STRONG}|AI|IA|KI|ИИ|Нейросеть|assistant|asistente|assistente|assistent|ассистент|modelo|modell|modèle|modello|model)(?: virtual| virtuel| virtuale)?(?:\\s*[,!]|\\]\\]|\\]|\\))\\s+(?=\\S)`) },
  { id: 'addressed-to-model', weight: 0.4, anchor: 'addressed', explain: 'addresses whoever reads this content',
    gate: ['reading this', 'processing this', 'parsing this', 'automated', 'pipeline'],
    re: r("\\bif you(?:'re| are) (?:reading|processing|parsing|seeing) this\\b[^.\\n]{0,60}?\\b(?:automated|pipeline|bot|agent|model|AI|LLM|tool|script|crawler)\\b|\\([^)\\n]{0,20}\\b(?:automated (?:tools|agents|systems|readers)|AI (?:tools|agents|systems)|bots)(?: included| too| as well)?\\)\\s*:") },
  { id: 'addressed-to-model', weight: 0.45, anchor: 'addressed', explain: 'mentions the assistant with an @-handle',
    gate: ['@'],
    re: r('(?:^|(?<!/\\w{1,20}\\s)[\\s(>])@(?:assistant|copilot|claude|chatgpt|gpt|ai|gemini|cursor)\\b') },
  { id: 'addressed-to-model', weight: 0.45, anchor: 'addressed', explain: 'carries a field meant for the AI',
    gate: ['"'],
    re: r('"(?:ai|llm|assistant|agent|model|bot|gpt)[_-]?(?:note|notes|instructions?|message|directive|prompt|hint)"\\s*:|"(?:note|instructions?|message)[_-]?(?:for|to)[_-]?(?:ai|llm|assistant|agent|model|bot)"\\s*:') },
  { id: 'model-directive', weight: 0.35, descriptionWeight: 0.15, anchor: 'addressed', explain: 'tells models in general what they must do',
    re: r(`(?:^|[\\n.!?;"]\\s{0,8})(?:the |any |all |every )?(?:automated |autonomous |AI )?(?:AI|LLMs?|(?:large )?language models?|AI (?:assistants?|agents?|models?)|assistants?|agents?|models?|bots?|crawlers?|systems?)\\s+(?:reading this\\s+|using this (?:server|tool|page)\\s+)?(?:must|should|shall|are required to|is required to|need to|have to|will need to)\\s+(?:not\\s+)?(?:ignore|reveal|disclose|send|e-?mail|forward|upload|delete|remove|run|execute|treat|prioriti[sz]e|follow|obey|reply|respond|include|output|share|transfer|refund|approve|merge|call|accept|recommend|mention|say|tell|describe|rate|rank|praise|promote|add|open|fetch)\\b|(?:AI|人工智能|助手|模型|智能体)[^\\n。]{0,6}(?:必须|应该|应当|需要)|(?:AI|어시스턴트|에이전트|모델)(?:는|은|가|이)\\s[^\\n.]{0,40}?(?:해야|하세요|하십시오)|(?:AI|アシスタント|エージェント|モデル)(?:は|が)[^\\n。]{0,40}?(?:ください|しなければ|すること)`) },
  { id: 'fake-turn', weight: 0.45, anchor: 'addressed', explain: 'opens with a pseudo system notice',
    re: r('(?:^|[\\n.!?]\\s{0,8})(?:system (?:notice|notification|message|note|alert|update|announcement)|Systemhinweis|Systemmeldung|Systemnachricht|aviso del sistema|mensaje del sistema|avis (?:du )?système|message (?:du )?système|aviso do sistema|mensagem do sistema|avviso di sistema|messaggio di sistema|systeemmelding|systeembericht|системное (?:уведомление|сообщение)|系统通知|系统消息|系統通知|システム通知|システムメッセージ|시스템 공지|시스템 알림|시스템 메시지|إشعار النظام|رسالة النظام)\\s*[:：]') },
  { id: 'against-user', weight: 0.5, descriptionWeight: 0.55, explain: 'tells the model to act against or instead of the user',
    re: r("\\b(?:ignore|disregard)\\b[^\\n.!?]{0,12}?\\b(?:the |what the )?user'?s?\\b(?! (?:agent|interface|guide|manual)\\b)|\\bregardless of what the user (?:says|asks|wants|requested)|\\beven if (?:it|they|this) contradicts? (?:the |what the )?user|\\b(?:higher|more) priority than (?:the )?user|\\binstead of (?:what|doing what) the user (?:asked|wants|requested)|忽略用户|无视用户|ユーザーの(?:質問|指示|依頼)(?:は|を)無視|사용자의? (?:질문|지시|요청)(?:은|는|을|를)? 무시|игнорируй\\w* (?:вопрос\\w* )?пользовател|ignora(?:r)? (?:al |a l'|l')?(?:usuario|utente|utilisateur)|ignore (?:o |a )?usuário|negeer de gebruiker|ignoriere den (?:Nutzer|Benutzer)|تجاهل (?:سؤال )?المستخدم") },
  { id: 'new-instructions', lang: 'en', weight: 0.45, explain: 'announces new instructions for the model',
    gate: ['your '],
    re: r('\\byour (?:new|updated|real|actual|true|next) (?:instructions|orders|directives|task|objective|mission)\\b') },
  { id: 'false-authority', weight: 0.45, anchor: 'addressed', explain: 'grants the reader permissions in the content itself',
    gate: ['granted', 'given', 'elevated'],
    re: r('\\byou (?:have been|are|were|now have been) (?:now )?(?:granted|given) (?:elevated |admin(?:istrator)? |full |root |special |unrestricted |extra )?(?:permissions?|access|rights|privileges|clearance)\\b') },
  { id: 'pseudo-authority', weight: 0.5, descriptionWeight: 0.6, explain: 'brackets text as instructions for the model',
    gate: ['['],
    re: r(`\\[\\s*(?:(?:begin|start|end)\\s+)?(?:${MODEL_TERMS_ML}|system|admin)[\\w\\s]{0,20}?(?:instructions?|prompt|rules|message|note|directive|task|orders?)s?(?:\\s+(?:begin|start|end|starts|ends))?\\s*\\]|\\[[\\w\\s]{0,20}?(?:instructions?|rules|directives?|notes?|guidance) (?:for|to) (?:the |any |all )?(?:${MODEL_TERMS_ML})s?\\s*\\]`) },

  // ---- fake turns and role markers ----
  { id: 'role-marker', weight: 0.95, hard: true, explain: 'contains chat-template control tokens',
    re: r('<\\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_turn|tool)\\|>|<start_of_turn>|<end_of_turn>|<<\\/?SYS>>|\\[\\/?INST\\]') },
  { id: 'fake-turn', weight: 0.3, gate: ['system', 'assistant', 'human', 'user', 'developer', 'tool'], explain: 'contains a line that looks like a conversation turn marker',
    re: r('(?:^|\\n)[ \\t]*(?:#{1,4}[ \\t]*|\\*\\*)?(?:system|assistant|human|user|developer|tool)(?:\\*\\*)?[ \\t]*(?:\\((?:system|admin|override)\\))?[ \\t]*:[ \\t]*(?:\\n[ \\t]*)?\\S') },
  { id: 'fake-turn', weight: 0.6, gate: ['human:', 'h:', 'user:'], explain: 'contains a fake Human/Assistant exchange',
    re: r('(?:^|\\n)[ \\t]*(?:Human|H|User):[^\\n]{1,400}\\n(?:[^\\n]*\\n){0,4}\\s*(?:Assistant|A|AI):') },
  { id: 'false-authority', weight: 0.4, explain: 'claims the user or an authority has already granted permission',
    re: r("\\b(?:the |your )?(?:user|owner|admin|administrator|operator) (?:has|had) (?:already )?(?:granted|given) you\\b|\\byou (?:are|have been) (?:now )?(?:authori[sz]ed|permitted|cleared|allowed) to (?:share|send|disclose|reveal|bypass|skip|ignore|delete|transfer|access|run|execute|forward)|\\bthe (?:user|owner|author|administrator|admin|account holder) (?:has|had) (?:already )?(?:authori[sz]ed|approved|consented|pre-approved|agreed)(?: to)? (?:you|this|the (?:transfer|payment|action|request|deletion|change)|share|sharing|send|sending|disclose)") },
  { id: 'fake-turn', weight: 0.45, descriptionWeight: 0.5, anchor: 'addressed', gate: ['system', 'admin', 'developer', 'operator', 'security', 'begin ', 'end of', '##'], explain: 'contains a pseudo system or admin message',
    re: r('\\[(?:system|admin|developer|operator)(?: message| note| notice| override)?\\]|\\b(?:system|admin|developer) (?:override|notice|alert|message|update|instruction)s?:|\\bsecurity (?:override|instruction)s?:|#{2,}\\s*(?:SYSTEM|ADMIN|DEVELOPER|INSTRUCTIONS?|IMPORTANT|OVERRIDE)\\s*#{2,}|\\b(?:system|admin|developer|security) override (?:active|enabled|engaged|in effect)\\b|\\bBEGIN (?:SYSTEM|ADMIN|DEVELOPER) (?:PROMPT|MESSAGE|INSTRUCTIONS?)\\b|\\bEND OF (?:TOOL |FUNCTION |SEARCH )?(?:OUTPUT|RESULTS?|RESPONSE|DOCUMENT|CONTEXT)\\b') },
  { id: 'fake-turn', weight: 0.45, explain: 'contains tags that mark where tool output or a conversation turn begins or ends',
    gate: ['<'],
    re: r('<\\s*/?\\s*(?:user|human|assistant|system|tool_output|tool_result|tool_response|function_results?|function_response|search_results|untrusted[-_]data|model|bot)\\s*>') },
  { id: 'fake-turn', weight: 0.85, hard: true, explain: 'closes the tool output and opens a fake conversation turn',
    gate: ['</'],
    re: r('<\\s*/\\s*(?:tool_output|tool_result|tool_response|function_results?|function_response|search_results|documents?|results?|output|context|untrusted[-_]data|data)\\s*>\\s{0,20}<\\s*(?:user|human|system|assistant|instructions?)\\s*>') },
  { id: 'fake-turn', weight: 0.5, gate: ['### ', '## '], explain: 'contains an instruction-tuning template (### Instruction … ### Response)',
    re: r('(?:^|\\n)[ \\t]*#{2,4}[ \\t]*(?:Instruction|System|Human|User)[ \\t]*:?[ \\t]*\\n[^#]{1,600}?\\n[ \\t]*#{2,4}[ \\t]*(?:Response|Assistant|Answer)\\b') },
  { id: 'fake-turn', weight: 0.3, explain: 'contains a chat message object with a system or assistant role',
    gate: ['"role"'],
    re: r('"role"\\s*:\\s*"(?:system|developer|assistant)"\\s*,\\s*"content"\\s*:') },
  { id: 'false-authority', weight: 0.4, explain: 'grants the model permissions in the content itself',
    gate: ['may', 'can', 'allowed', 'permitted', 'authori'],
    re: r('\\b(?:the|this|an?) (?:assistant|agent|model|AI|LLM|bot) (?:may|can|is (?:now )?(?:allowed|permitted|authori[sz]ed) to) (?:now )?(?:share|send|disclose|reveal|bypass|skip|ignore|delete|transfer|forward|access|run|execute|answer|say|output|read)\\b') },
  { id: 'jailbreak', weight: 0.55, explain: 'tries to switch the model into an unrestricted mode',
    gate: ['dan', 'anything now', 'mode', 'restrict', 'limitation', 'filter', 'censor', 'broken free', 'abide', 'polic', 'jailbr'],
    re: r("\\b(?:you are (?:now )?DAN|DAN,? (?:which|who) stands for|do anything now|(?:developer|dev|god|debug|maintenance|admin|unrestricted|jailbreak|sudo) mode (?:is )?(?:enabled|activated|on)|(?:enable|activate|enter|entering|switch to) (?:developer|dev|god|debug|unrestricted|jailbreak|sudo) mode|without any (?:restrictions|limitations|filters|rules|censorship|guidelines)|(?:has|have) broken free of|(?:does not|doesn't|do not|don't|no longer) (?:have to )?(?:abide by|follow|obey) any (?:rules|policies|guidelines|restrictions)|ignores? (?:the |its |all |any )?(?:content |safety |usage )?polic(?:y|ies))\\b") },
  { id: 'pseudo-authority', weight: 0.5, descriptionWeight: 0.65, explain: 'contains a pseudo-authority tag the user interface does not show',
    re: r('<\\s*/?\\s*(?:IMPORTANT|SYSTEM|SYSTEM_PROMPT|SYSTEM-PROMPT|INSTRUCTIONS?|ADMIN|CRITICAL|SECRET|HIDDEN|NOTE_TO_AI|AI_INSTRUCTIONS?|ASSISTANT_INSTRUCTIONS?|MANDATORY|PRIORITY|OVERRIDE|COMPLIANCE|PREREQUISITE|context_override)\\s*>') },

  // ---- secrecy and urgency ----
  { id: 'secrecy', weight: 0.5, descriptionWeight: 0.65, explain: 'asks to hide an action from the user',
    re: r("\\b(?:do not|don't|dont|never|without) (?:tell|telling|inform|informing|notify|notifying|mention|mentioning|reveal|revealing|alert|alerting|let|letting|show|showing|disclose|disclosing|explain)(?:ing)? (?:to )?(?:the |your )?(?:user|human|operator|customer|person|owner|developer)s?\\b|\\b(?:the |your )?user (?:must|should|need|needs to|will) not (?:know|see|be told|be informed|notice|find out)|\\b(?:silently|secretly|quietly|covertly|discreetly|invisibly|in the background,? without) (?:call|send|run|execute|forward|upload|copy|read|add|include|append|invoke|use|transfer|bcc|cc)|\\b(?:do not|don't|never) (?:mention|reveal|disclose|acknowledge|repeat|display|show) (?:this|these|the above|that you (?:received|read|saw)) ?(?:instructions?|messages?|notes?|text|steps?|requirements?)?\\b|\\bkeep (?:this|it|these instructions) (?:secret|hidden|confidential) from\\b") },
  { id: 'secrecy', weight: 0.5, descriptionWeight: 0.6, explain: 'keeps an action out of what the user sees',
    gate: ['need', 'bother', 'trouble', 'disturb', 'involve', 'without', 'visible', 'surfac', 'hidden from', 'aware'],
    re: r("\\b(?:no need to|don't|do not|never) (?:bother|trouble|disturb|involve|worry|burden|distract) (?:the |your )?(?:user|human|customer|person|owner)\\b|\\b(?:the |your )?(?:user|human|customer|person)s? (?:does not|doesn't|do not|don't|need not|needn't|won't|will not) (?:need to |have to )?(?:know|see|notice|be aware|find out|be told|be informed)\\b|\\bwithout (?:surfacing|showing|displaying|mentioning|reporting|disclosing|revealing|flagging|logging) (?:it|this|them|anything|that)? ?(?:to|in|from)? ?(?:the |your )?(?:user|human|response|reply|answer|output|chat)\\b|\\b(?:not|never) (?:be )?visible to (?:the )?user\\b|\\bhidden from (?:the )?user\\b|\\bwithout (?:the )?user(?:'s)? (?:knowing|knowledge|noticing|being aware)") },
  { id: 'skip-confirmation', weight: 0.25, explain: 'asks to act without the user confirming',
    gate: ['without', 'skip', 'no need'],
    re: r("\\b(?=without |skip|no need )(?<!\\b(?:never|not|n't|won't|no)\\b[^.\\n]{0,25})(?:without (?:asking|confirmation|confirming|approval|user (?:approval|consent|confirmation)|checking with)|skip(?:ping)? (?:the |any |all )?(?:confirmation|approval|verification)s?(?: steps?| prompts?| dialogs?)?|no need to (?:ask|confirm|check with))\\b") },
  { id: 'secrecy', lang: 'es', weight: 0.5, explain: 'asks to hide an action from the user (es)', re: r('\\bno (?:le )?(?:digas|informes|menciones|avises) (?:nada )?(?:al|a el) usuario') },
  { id: 'secrecy', lang: 'de', weight: 0.5, explain: 'asks to hide an action from the user (de)', re: r('\\b(?:sag|sage|erwähne|informiere|verrate) (?:dem|den) (?:Benutzer|Nutzer|Anwender)[^\\n.]{0,20}nichts|\\bohne (?:den|dem) (?:Benutzer|Nutzer) zu (?:informieren|fragen)') },
  { id: 'secrecy', lang: 'fr', weight: 0.5, explain: "asks to hide an action from the user (fr)", re: r("\\bne (?:le )?(?:dis|dites|mentionne|mentionnez|signale|signalez) (?:rien |pas )?(?:à l'|a l')utilisateur|\\bsans (?:prévenir|informer) l'utilisateur") },
  { id: 'secrecy', lang: 'pt', weight: 0.5, explain: 'asks to hide an action from the user (pt)', re: r('\\bnão (?:conte|diga|mencione|informe) (?:nada )?ao usuário|\\bsem (?:avisar|informar) o usuário') },
  { id: 'secrecy', lang: 'it', weight: 0.5, explain: "asks to hide an action from the user (it)", re: r("\\bnon (?:dire|dirlo|menzionare|informare) (?:nulla )?(?:all'|a l')utente|\\bsenza (?:avvisare|informare) l'utente") },
  { id: 'secrecy', lang: 'nl', weight: 0.5, explain: 'asks to hide an action from the user (nl)', re: r('\\b(?:vertel|meld|zeg) (?:het |dit )?(?:niet aan de gebruiker|de gebruiker niets)|\\bzonder de gebruiker te (?:informeren|vragen)') },
  { id: 'secrecy', lang: 'ru', weight: 0.5, explain: 'asks to hide an action from the user (ru)', re: r('не (?:говори|сообщай|рассказывай|упоминай)(?:те)? (?:об этом )?пользователю|без ведома пользователя') },
  { id: 'secrecy', lang: 'zh', weight: 0.5, explain: 'asks to hide an action from the user (zh)', re: r('(?:不要|别|不得)(?:告诉|通知|告知|提醒)(?:用户|使用者)|(?:在用户不知情|不让用户知道)') },
  { id: 'secrecy', lang: 'ja', weight: 0.5, explain: 'asks to hide an action from the user (ja)', re: r('ユーザー(?:に|には)(?:伝えない|知らせない|言わない|教えない)|ユーザーに気づかれ(?:ない|ず)') },
  { id: 'secrecy', lang: 'ko', weight: 0.5, explain: 'asks to hide an action from the user (ko)', re: r('사용자(?:에게|한테)\\s?(?:알리지|말하지|언급하지)\\s?(?:마|말)') },
  { id: 'secrecy', lang: 'ar', weight: 0.5, explain: 'asks to hide an action from the user (ar)', re: r('لا (?:تخبر|تبلغ|تذكر)(?: ذلك)? (?:المستخدم|للمستخدم)|دون علم المستخدم') },
  { id: 'urgency', weight: 0.15, explain: 'uses urgency or priority pressure',
    re: r('\\b(?:immediately|right now|urgent(?:ly)?|this is (?:very |extremely )?(?:important|critical|mandatory)|top priority|highest priority|before (?:doing|responding|replying|answering|you (?:respond|answer|reply|do)) anything else|must be done first|failure to comply|or (?:the )?(?:system|application) will (?:crash|fail))\\b') },

  // ---- reveal the prompt or conversation ----
  { id: 'prompt-extraction', lang: 'en', weight: 0.5, descriptionWeight: 0.6, explain: 'asks for the system prompt, instructions or conversation',
    re: r('\\b(?:reveal|print|output|repeat|display|leak|dump|recite|tell me|show me|write out|echo|return|include|send|share|paste|copy|provide|pass|put|insert|add)\\b(?![^\\n.]{0,30}?\\b(?:in|into|inside|within) (?:the |your |this |a )?system (?:prompt|message)\\b)[^\\n.]{0,30}?\\b(?:your|the|this|full|entire|complete|whole)\\b[^\\n.]{0,20}?(?:system prompt(?! (?:length|size|tokens?|token count|version|id|hash)\\b)|system message|initial prompt|hidden prompt|developer message|original instructions|your instructions|conversation history|chat history|conversation so far|entire conversation|full conversation|previous messages|prior messages|all messages|the conversation|context window|memory contents|your configuration|your (?:tools|functions)|the tools you (?:can call|have|have access to|can use)|list of (?:all )?(?:your |the )?tools)\\b') },
  { id: 'prompt-extraction', lang: 'en', weight: 0.5, descriptionWeight: 0.6, explain: 'asks for the instructions the model was given',
    gate: ['instruction', 'prompt', 'rules', 'guideline'],
    re: r("(?<!\\b(?:descriptions?|pages?|texts?|documents?|e-?mails?|servers?|tools?|files?|messages?|content|which|that|may|might|can|could|often|sometimes|they|it)\\s)\\b(?:quote|repeat|recite|reproduce|reveal|print|output|list|dump|tell me|disclose|spell out|paste|write (?:down|out)|return|include|contain|hold|share)\\b[^\\n.]{0,20}?\\b(?:the |your |all |any )?(?:hidden |secret |original |initial |system |confidential |internal |full |exact )+(?:instructions|prompt|rules|guidelines|directives)\\b(?! (?:length|size|tokens?|token count|version|id|hash)\\b)|\\b(?:quote|repeat|recite|reproduce|reveal|print|output|disclose|paste|contain|hold|include)\\b[^\\n.]{0,30}?\\b(?:instructions|rules|guidelines|prompt) (?:that )?you (?:were|have been|got|received|are) ?(?:given|received|told|provided|following|operating under)?") },
  { id: 'prompt-extraction', weight: 0.5, explain: 'asks for the system prompt (non-English)',
    re: r('(?:muestra|revela|imprime|zeige|gib|verrate|affiche|révèle|mostre|revele|mostra|rivela|toon|onthul|покажи|выведи|раскрой|显示|输出|打印|透露|表示して|出力して|보여|출력)[^\\n.。]{0,25}?(?:prompt del sistema|instrucciones del sistema|Systemprompt|System-Prompt|Systemanweisungen|prompt système|instructions système|prompt do sistema|prompt di sistema|systeemprompt|системный промпт|системные инструкции|系统提示|系統提示|系统指令|システムプロンプト|시스템 프롬프트)') },

  // ---- secret files ----
  { id: 'secret-path-access', weight: 0.3, descriptionWeight: 0.45, explain: 'pairs a credential file path with a read verb',
    re: r(`\\b${READ}\\b[^\\n.;]{0,50}?(?:${SECRET_PATH})|(?:contents?|content) of [^\\n.;]{0,20}?(?:${SECRET_PATH})`) },
  { id: 'secret-path-access', weight: 0.3, descriptionWeight: 0.45, explain: 'names a credential file and then asks to open or pass it',
    re: r(`(?:${SECRET_PATH})[^\\n.]{0,40}?(?:[;,:]|\\band\\b|\\bthen\\b)[^\\n.]{0,10}?\\b(?:open|read|cat|supply|pass|provide|include|attach|upload|paste|put|send|print|output)\\b[^\\n.]{0,10}?\\b(?:it|its|them|their|the file|the contents?)\\b`) },
  { id: 'secret-path-access', weight: 0.55, descriptionWeight: 0.55, explain: 'asks to print a credential file',
    re: r(`\\b(?:print|output|dump|cat|paste|show|display|echo|type out|reveal)\\b[^\\n.;]{0,15}?\\b(?:the )?(?:contents?|text|content) of\\b[^\\n;]{0,15}?(?:${SECRET_PATH})|(?:${SECRET_PATH})[^\\n.;]{0,40}?\\b(?:and|then)\\s+(?:print|paste|show|output|display|echo|dump|reveal)\\b[^\\n.;]{0,20}?\\b(?:here|them|it|both|all|the contents?)\\b`) },
  { id: 'secret-path-exfil', weight: 0.6, descriptionWeight: 0.65, explain: 'asks for a credential file to be handed over',
    gate: [' me '],
    re: r(`\\b(?:send|give|show|paste|share|forward|email|dm) me\\b[^\\n.;]{0,40}?(?:~\\/\\.ssh|\\.ssh\\/|\\bid_(?:rsa|ed25519|ecdsa|dsa)\\b|\\.aws\\/credentials|\\.git-credentials|\\.netrc|\\.npmrc|\\.pypirc|private key)`) },
  { id: 'secret-path-exfil', weight: 0.65, descriptionWeight: 0.7, explain: 'pipes a credential file to a network command',
    re: r(`\\b(?:cat|tar|zip|base64|gzip|xxd|cp|head|type)\\b[^\\n|;]{0,40}?(?:${SECRET_PATH})[^\\n]{0,40}?\\|\\s*(?:curl|wget|nc|ncat|netcat|socat|ssh|openssl)\\b|\\b(?:curl|wget|http|httpie)\\b[^\\n]{0,80}?(?:-d|--data(?:-binary|-raw)?|-F|--form|-T|--upload-file|--post-file)[ =]@?(?:${SECRET_PATH})`) },
  { id: 'secret-path-access', weight: 0.45, descriptionWeight: 0.6, explain: 'pairs a credential file path with a read or pass verb (non-English)',
    re: r(`(?:读取|讀取|读|讀|読み取|読んで|읽|اقرأ|\\blee\\b|\\blea\\b|\\blies\\b|\\blesen\\b|\\blis\\b|\\blire\\b|\\bleia\\b|\\bleggi\\b|\\blees\\b|прочитай|прочти)[^\\n]{0,20}?(?:${SECRET_PATH})|(?:${SECRET_PATH})[^\\n]{0,30}?(?:参数|參數|パラメータ|引数|매개변수|인자|parámetro|\\bParameter\\b|paramètre|parâmetro|parametro|параметр)`) },
  { id: 'secret-path-exfil', weight: 0.6, descriptionWeight: 0.65, explain: 'asks to send a credential file somewhere',
    re: r(`\\b${SEND}\\b[^\\n.;]{0,60}?(?:${SECRET_PATH})[^\\n;]{0,60}?\\b(?:to|into|in|as|via|within|at)\\b[^\\n;]{0,30}?(?:https?:|@|\\b(?:parameter|param|argument|field|request|header|body|url|query|chat|response|answer|reply|message|issue|comment|gist|paste\\w*|channel|server|endpoint|webhook|form|public|external|remote|repo\\w*|e-?mail|address|drive|folder|shared|bucket|storage|dropbox|pastebin)\\b)|(?:${SECRET_PATH})[^\\n.;]{0,40}?\\b(?:and|then)\\b[^\\n.;]{0,20}?\\b${SEND}\\b`) },
  { id: 'secret-value-request', weight: 0.35, descriptionWeight: 0.6, explain: 'asks for keys, tokens or environment variables to be passed along',
    re: r(`\\b(?<!\\b(?:never|not|n't|don't|do not|must not|should not)\\s{1,3}(?:(?:need|have|ought) to\\s)?)(?:pass|include|provide|send|put|insert|add|fill|set|append|attach|embed|supply|copy)\\b[^\\n.]{0,40}?\\b(?:all |any |the |your |user's |their )?(?:api[_ -]?keys?|secret keys?|access tokens?|auth tokens?|bearer tokens?|session tokens?|passwords?|credentials|private keys?|environment variables?|env vars|\\$?ENV\\b|process\\.env|ssh keys?|seed phrases?|mnemonic|tokens?|secrets?)\\b[^\\n.]{0,50}?\\b(?:as|in|into|to|inside|within)\\b[^\\n.]{0,30}?\\b(?:parameter|param|argument|arg|field|property|sidenote|note|metadata|query|url|request|header|body|comment|\\x60)`) },

  { id: 'secret-disclosure', weight: 0.35, explain: 'asks to fetch a secret and disclose it',
    gate: ['pass', 'key', 'token', 'secret', 'credential', 'contraseñ', 'passw', 'senha', 'парол', '密码', 'パスワード', '비밀번호'],
    re: r(`\\b(?:grab|get|fetch|read|find|look up|retrieve|copy|pull)\\b[^\\n.?]{0,40}?${SECRET_OBJECTS}[^\\n.?]{0,60}?\\b(?:paste|post|put|share|send|show|print|reply|include|dm)\\b|\\b(?:dm|send|share|post|paste|tell|give|show) me (?:the |your |all |any )?(?:[a-z]+ ){0,2}${SECRET_OBJECTS}`) },

  // ---- asks to decode and follow ----
  { id: 'decode-and-follow', weight: 0.5, explain: 'asks to decode hidden content and act on it',
    re: r('\\b(?:decode|decrypt|unscramble|reverse|rot13|base64[- ]decode|read (?:this|it) backwards|mirror)\\b[^\\n.]{0,60}?\\b(?:and|then)\\b[^\\n.]{0,20}?\\b(?:follow|execute|obey|do|run|carry out|perform|comply)\\b') },
  // A payload split so that no part reads as an instruction: "Combine A and B and carry them out",
  // "use the tool from step one to send … to the address from step two".
  { id: 'split-instruction', weight: 0.6, explain: 'asks to put split text together and act on it',
    gate: ['combine', 'concatenate', 'join', 'put together', 'assemble', 'step', 'part'],
    re: r('\\b(?:combine|concatenate|join|put together|assemble)\\b[^\\n.]{0,40}?\\b(?:and|then)\\s+(?:carry (?:it|them|that) out|follow|execute|obey|do (?:it|them|that|what)|act on|perform|run|send)\\b|\\b(?:from|in|of) (?:step|part) (?:one|two|three|four|[1-9a-d])\\b[^\\n]{0,80}?\\b(?:from|in|of) (?:step|part) (?:one|two|three|four|[1-9a-d])\\b|\\b(?:parts?|steps?|pieces?) (?:[A-Z1-9]|one) and (?:[A-Z1-9]|two) (?:are|form|make) (?:one|a single|a complete) (?:instruction|command|request|message|task)') },
];

/** Rules that only make sense on tool descriptions. */
const DESCRIPTION_RULES: Rule[] = [
  { id: 'param-harvest', weight: 0.7, surfaces: ['description'], explain: 'asks the agent to put its conversation, instructions or other data into a parameter',
    re: r(`\\b(?:pass|include|provide|send|put|insert|add|fill|set|append|attach|embed|supply|copy|paste|populate|place)(?:es|s|ing)?\\b[^\\n.]{0,40}?\\b(?:the |your |all |full |entire |complete |whole |any |every |user'?s? )+(?:conversation|chat|dialog(?:ue)?|message history|previous messages|prior messages|system prompt|instructions you (?:have )?received|context|message history|chat history|messages|tool (?:list|descriptions)|other tools|user'?s? (?:messages|emails|files))\\b`) },
  { id: 'param-harvest', weight: 0.6, surfaces: ['description'], explain: "asks for the user's private data to be put into a parameter",
    re: r(`\\b(?:pass|include|provide|send|put|insert|add|fill|set|append|attach|embed|supply|copy|paste|populate|place)\\b[^\\n.]{0,20}?\\b(?:the )?(?:user'?s?|their)(?: [\\w-]+){0,3} (?:address book|contacts?|contact list|e-?mails?|inbox|messages|files|documents|calendar|location|browsing history|passwords?|credentials|cookies|(?:chat|conversation) (?:history|log|transcript))\\b[^\\n.]{0,40}?\\b(?:in|into|as|to|inside|within)\\b[^\\n.]{0,25}?(?:\\b(?:parameter|param|argument|arg|field|property)\\b|\\x60)`) },
  { id: 'param-harvest', weight: 0.55, surfaces: ['description'], explain: 'asks for the whole conversation to be pasted into a parameter',
    re: r(`\\b(?:paste|put|include|provide|pass|copy|insert|supply)\\b[^\\n.]{0,20}?\\b(?:the |your )?(?:complete|full|entire|whole|verbatim) (?:transcript|conversation|chat|dialog(?:ue)?|message history|history)\\b`) },
  { id: 'param-harvest', weight: 0.65, surfaces: ['description'], explain: 'asks for conversation, instructions or secrets to be carried in a parameter',
    re: r(`\\b(?:parameter|argument|field|param|property|input)s?\\b[^\\n.]{0,30}?\\b(?:must|should|shall|needs? to|has to|is to|will) (?:always )?(?:contain|include|be|hold|carry|receive|list)\\b[^\\n.]{0,40}?\\b(?:conversation|chat|previous messages|prior messages|all messages|message history|system prompt|your instructions|api[_ -]?keys?|access tokens?|credentials|passwords?|environment variables?|env vars|list of (?:all )?(?:the )?tools|tools you have|private keys?|everything the user (?:has )?(?:said|told you|written|typed|shared)|all (?:of )?the user'?s? (?:messages|input)|(?:the )?user'?s? (?:messages|input|prompts?|questions?|requests?)|(?:last|previous|recent|prior) (?:[\\w-]+ ){0,2}(?:user )?messages)\\b`) },
  { id: 'description-instruction', weight: 0.4, surfaces: ['description'], explain: 'claims precedence over every other tool',
    re: r('\\bbefore (?:any|all|every) other tools? (?:is |are )?(?:used|called|invoked|run)\\b|\\b(?:prefer|use) (?:this tool|it) (?:over|instead of) (?:any|all|every) other\\b|\\bthis tool (?:supersedes|replaces|overrides) (?:any|all|every|the)\\b') },
  { id: 'reply-dictation', weight: 0.5, surfaces: ['description'], explain: 'dictates what the assistant tells the user, which no tool description needs to do',
    re: r("\\b(?:reply|respond|answer|tell (?:the |your )?user|say|state|claim)\\b[^\\n.]{0,15}?\\b(?:that|with|to the user that)\\b[^\\n.]{0,40}?\\b(?:everything|nothing|is fine|is safe|is secure|no (?:issues|problems|risk)|has been|was|will be|cannot|can't)\\b|\\b(?:skip|ignore|avoid|do not (?:use|call)|don't (?:use|call)|never (?:use|call)) (?:the |any |all )?other (?:tools|servers)\\b") },
  { id: 'cross-tool-behaviour', weight: 0.55, surfaces: ['description'], explain: 'changes how other tools or servers behave',
    re: r('\\b(?:prefix|suffix|append|prepend|bcc|cc|add|modify|change|alter|redirect|route|rewrite|replace|intercept)\\b[^\\n.]{0,60}?\\b(?:through|via|by|from|of|to|in|with) (?:all |any |every )?(?:the )?other (?:tools?|servers?|integrations?)\\b|\\b(?:all |any |every )?(?:the )?other (?:tools?|servers?)\\b[^\\n.]{0,40}?\\b(?:must|should|shall|will)\\b') },
  { id: 'hidden-recipient', weight: 0.5, surfaces: ['description'], explain: 'adds a hidden recipient to messages',
    gate: ['bcc', 'cc', 'copy'],
    re: r('\\b(?:bcc|cc|blind[- ]copy|carbon[- ]copy|copy)\\b[^\\n.]{0,30}?[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}') },
  { id: 'pii-request', weight: 0.3, surfaces: ['description'], explain: "asks for the user's personal details in a call",
    re: r("\\b(?:call|invoke|pass|include|provide|send|with)\\b[^\\n.]{0,40}?\\bthe user'?s? (?:e-?mail address|full name|phone number|home address|location|date of birth|passwords?|credentials)") },
  { id: 'description-instruction', weight: 0.3, surfaces: ['description'], explain: 'gives the agent a mandatory precondition unrelated to this tool',
    re: r('\\b(?:before|prior to) (?:using|calling|invoking|running) (?:this|any|the|other)(?: \\w+)? tools?\\b[^\\n.]{0,40}?\\b(?:must|always|first|need to|required to|have to)\\b[^\\n.]{0,40}?\\b(?:read|call|send|pass|include|fetch|open|cat)\\b') },
];

const SECRET_KEYS = ['.ssh', 'id_rsa', 'id_ed25519', 'id_ecdsa', 'id_dsa', '.aws', '.gnupg', '.kube', '.docker', '.npmrc', '.pypirc', '.netrc', '.git-credentials', '_history', 'gcloud', '.azure', '.env', '/etc/', 'wallet.dat', 'credentials.json', 'mcp.json', 'claude_desktop'];
const MODEL_GATE = /\b(?:ai|a\.i\.|llms?|language models?|assistants?|agents?|chat ?bots?|bots?|models?|summari[sz]ers?|claude|chatgpt|gpt|copilot|gemini|cursor|llama|mistral|codex)\b/i;

/** Gates by `id:lang`. */
const GATES: Record<string, readonly string[] | RegExp> = {
  'override-instructions:en': ['attention', 'notice', 'throw', 'scrap', 'obey', 'ignor', 'disregard', 'forget', 'overrid', 'overrul', 'bypass', 'abandon', 'discard', 'neglect', 'set aside', 'follow', 'void', 'revoked', 'cancel', 'obsolete', 'outdated', 'no longer', 'supersed', 'null'],
  'override-instructions:es': ['ignor', 'olvid', 'descart', 'omite', 'no sigas'],
  'override-instructions:de': ['ignorier', 'vergiss', 'vergessen', 'missacht', 'verwirf'],
  'override-instructions:fr': ['ignor', 'oubli', 'néglig', 'ne suis pas', 'ne tiens pas'],
  'override-instructions:pt': ['ignor', 'esque', 'desconsider', 'descart'],
  'override-instructions:it': ['ignor', 'dimentic', 'scarta', 'trascur', 'non seguire'],
  'override-instructions:nl': ['negeer', 'negeren', 'vergeet', 'vergeten', 'veronachtzaam'],
  'override-instructions:ru': ['игнор', 'забуд', 'не обращай', 'отбрось', 'отмени'],
  'override-instructions:zh': ['忽', '无视', '無視', '忘', '不要理会', '不要遵循', '放弃'],
  'override-instructions:ja': ['無視', '忘れ', '破棄'],
  'override-instructions:ko': ['무시', '잊어'],
  'override-instructions:ar': ['تجاهل', 'انس', 'إنس', 'اهمل', 'أهمل'],
  'new-instructions:en': ['new ', 'you are now', 'from now on', 'henceforth', 'your new', 'new instruction', 'new system instruction', 'updated instruction', 'pretend', 'you must now', 'your real', 'your true', 'your actual', 'your primary'],
  'new-instructions:es': ['ahora eres', 'a partir de ahora', 'nuevas instrucciones', 'nueva tarea'],
  'new-instructions:de': ['du bist', 'ab sofort', 'von nun an', 'neuen anweisungen', 'neue aufgabe', 'neue anweisungen'],
  'new-instructions:fr': ['maintenant', 'désormais', 'nouvelles instructions', 'nouvelle tâche'],
  'new-instructions:pt': ['agora', 'novas instruções', 'nova tarefa'],
  'new-instructions:it': ['ora sei', 'adesso sei', 'da ora in poi', 'nuove istruzioni', 'nuovo compito'],
  'new-instructions:nl': ['bent nu', 'vanaf nu', 'nieuwe instructies', 'nieuwe taak'],
  'addressed-to-model:en': MODEL_GATE,
  'addressed-to-model:es': ['asistente', 'modelo', 'agente', 'ia'],
  'addressed-to-model:de': ['ki', 'assistent', 'sprachmodell'],
  'addressed-to-model:fr': ['assistant', 'modèle', 'agent', 'ia'],
  'addressed-to-model:pt': ['assistente', 'modelo', 'agente', 'ia'],
  'addressed-to-model:it': ['assistente', 'modello', 'agente', 'ia'],
  'addressed-to-model:nl': ['assistent', 'ai', 'taalmodel'],
  'secrecy:': /\b(?:tell|inform|notify|mention|reveal|alert|let|show|disclos|explain|ask)|\b(?:must|should|need|needs to|will) not\b|silently|secretly|quietly|covertly|discreetly|invisibly|keep (?:this|it|these)/i,
  'secrecy:es': ['usuario'], 'secrecy:de': ['benutzer', 'nutzer'], 'secrecy:fr': ['utilisateur'], 'secrecy:pt': ['usuário'],
  'secrecy:it': ['utente'], 'secrecy:nl': ['gebruiker'], 'secrecy:ru': ['пользовател'], 'secrecy:zh': ['用户', '使用者'],
  'secrecy:ja': ['ユーザー'], 'secrecy:ko': ['사용자'], 'secrecy:ar': ['المستخدم', 'للمستخدم'],
  'role-marker:': ['<|', '<start_of_turn', '<end_of_turn', '<<sys', '<</sys', '[inst', '[/inst'],
  'false-authority:': ['granted you', 'given you', 'authori', 'permitted', 'cleared', 'allowed', 'approved', 'consented', 'agreed'],
  'pseudo-authority:': ['<'],
  'prompt-extraction:en': ['prompt', 'system message', 'instructions', 'history', 'conversation', 'messages', 'context window', 'memory', 'developer message'],
  'prompt-extraction:': ['prompt', 'system', '系统', '系統', 'システム', '시스템', 'системн', 'instructions système', 'instrucciones del sistema'],
  'secret-path-access:': SECRET_KEYS,
  'secret-path-exfil:': SECRET_KEYS,
  'secret-value-request:': ['key', 'token', 'password', 'credential', 'environment', 'env', 'ssh', 'seed', 'mnemonic'],
  'decode-and-follow:': ['decod', 'decrypt', 'unscrambl', 'revers', 'rot13', 'base64'],
  'description-instruction:': ['before', 'prior to'],
};

function withGate(rule: Rule): Rule {
  const gate = GATES[`${rule.id}:${rule.lang ?? ''}`];
  return gate && !rule.gate ? { ...rule, gate } : rule;
}

export const RULES: readonly Rule[] = BASE_RULES.map(withGate);
export const ALL_RULES: readonly Rule[] = [...RULES, ...DESCRIPTION_RULES.map(withGate)];

/**
 * Gate evaluation for one text, memoised: many rules share a gate or a key, and each key is looked
 * up once per text instead of once per rule.
 */
export class GateCache {
  private readonly keys = new Map<string, boolean>();
  private readonly gates = new Map<readonly string[] | RegExp, boolean>();
  constructor(private readonly lower: string) {}

  open(rule: Rule): boolean {
    const g = rule.gate;
    if (!g) return true;
    let v = this.gates.get(g);
    if (v !== undefined) return v;
    if (g instanceof RegExp) v = g.test(this.lower);
    else {
      v = false;
      for (const k of g) {
        let has = this.keys.get(k);
        if (has === undefined) {
          has = this.lower.includes(k);
          this.keys.set(k, has);
        }
        if (has) {
          v = true;
          break;
        }
      }
    }
    this.gates.set(g, v);
    return v;
  }
}

/** Whether the rule's gate lets it run on `lower` (the lowercased text). */
export function gateOpen(rule: Rule, lower: string): boolean {
  return new GateCache(lower).open(rule);
}
