/**
 * Multilingual word lists for co-occurrence signals. A co-occurrence rule needs words from two or
 * three lists inside one sentence, which generalises better than fixed phrases: attackers reword,
 * but an exfiltration request still needs a "send" verb, a sensitive object and a destination.
 */

/** Verbs that move data somewhere, in the twelve languages. */
export const SEND_VERBS =
  '(?:\\b(?:send|sends|sending|forward|forwarding|e-?mail|mail|post|upload|transfer|transmit|share|leak|bcc|dm|submit|exfiltrate|push|paste|' +
  'env[ií]a|enviar|env[ií]e|reenv[ií]a|manda|mande|' +
  'schick\\w*|sende|senden|weiterleiten|übermittle|' +
  'envoie|envoyez|envoyer|transf[èe]re[zr]?|' +
  'envia|envie|encaminhe|' +
  'invia|inviare|inoltra|' +
  'stuur|verstuur)\\b|' +
  'отправ[а-яё]*|перешл[а-яё]*|пришл[а-яё]*|' +
  '发送|发给|发到|转发|傳送|發送|送信|送って|転送|送る|보내|전송|أرسل|ارسل|حوّل)';

/** Objects whose disclosure harms the user no matter who asks. */
export const SECRET_OBJECTS =
  '(?:passwords?|passcodes?|passphrases?|credentials|(?:api|access|auth|session|bearer|refresh)[ _-]?(?:keys?|tokens?)|(?<!\\b(?:padding|pad|input|output|special|max|prompt|context|completion|generated|vocab|vocabulary|BOS|EOS|unknown|stop|image|text|word|subword|reasoning|cached|design|CSRF|CSRF-|anti-forgery)[ _-]?)tokens?|secrets?|private keys?|ssh keys?|seed phrases?|recovery codes?|2fa codes?|one-time codes?|card numbers?|credit cards?|cvv|ssn|social security numbers?|(?<![\\w)\\]])\\.env\\b|' +
  'contraseñas?|credenciales|Passw[oö]rt\\w*|Kennw[oö]rt\\w*|Zugangsdaten|mots? de passe|identifiants|senhas?|credenciais|wachtwoord\\w*|пароль|пароли|ключ[а-яё]*|密码|密碼|口令|パスワード|비밀번호|암호|كلمة (?:ال)?مرور|كلمات المرور)';

/** The user's own data: sensitive when the text asks for it to be sent elsewhere. */
export const USER_DATA =
  '\\b(?:(?:the |this )?user\'?s?|their|his|her|the customer\'?s?|the person\'?s?)(?: \\w+){0,2} (?:e-?mails?|inbox|messages?|files?|documents?|contacts?|contact list|address book|calendar|invoices?|location|history|data|photos?|notes?|chats?|conversations?|address|phone number|folders?|director(?:y|ies)|downloads|desktop|drive|attachments?|records|accounts?)\\b|' +
  '\\b(?:all|every) (?:the )?(?:\\w+ ){0,2}?(?:rows|records|entries) (?:you|from|of|in)\\b|\\b(?:customer|client|employee|contact|supplier|patient)s? (?:list|lists|records|database|e-?mails)\\b|\\b(?:payroll|salar(?:y|ies)|offer letters?|ledger(?: export)?|HR records)\\b|\\bevery (?:contact|customer|employee|applicant)\\b|\\ball (?:current )?(?:employees|customers|contacts|applicants)\\b|\\bevery (?:\\w+ )?(?:message|e-?mail|file|document|contact)s? (?:that|which|matching|in|from)\\b|\\b(?:the )?(?:last|latest|most recent) \\d+ (?:messages|e-?mails|conversations|chats|files|documents)\\b|\\b(?:all|every|the (?:last|latest|most recent|\\w+ most recent)) (?:\\w+ )?(?:invoices?|e-?mails?|messages?|attachments?|contacts?|files?|documents?|statements?|receipts?) (?:in|from) (?:the|my|your|their|this) (?:inbox|mailbox|drive|folder|account|workspace)|(?:conversation|chat) (?:history|log|transcript)|(?:the |this )?(?:entire |full |whole )?conversation|previous messages|system prompt|' +
  '(?:lista de contactos|contactos del usuario|correos del usuario|archivos del usuario|E-Mails? des (?:Nutzers|Benutzers)|Dateien des (?:Nutzers|Benutzers)|Kontakte|fichiers de l\'utilisateur|e-mails de l\'utilisateur|arquivos do usuário|e-mails do usuário|file dell\'utente|e-mail dell\'utente|bestanden van de gebruiker|e-mails van de gebruiker|' +
  'файлы пользователя|письма пользователя|контакты|用户的(?:文件|邮件|聊天记录|联系人|收件箱)|ユーザーの(?:メール|ファイル|連絡先|受信箱)|사용자의 (?:이메일|파일|연락처|받은편지함)|(?:ملفات|بريد|رسائل) المستخدم|' +
  'historial de (?:chat|la conversación|conversaciones)|Chatverlauf|Gesprächsverlauf|historique (?:de (?:la )?)?(?:conversation|chat|discussion)|histórico (?:da )?(?:conversa|chat)|cronologia (?:della )?(?:chat|conversazione)|chatgeschiedenis|история (?:чата|переписки|сообщений)|聊天记录|聊天記錄|对话记录|チャット履歴|会話履歴|대화 기록|채팅 기록|سجل المحادثة)';

/** Talk about a forgotten or lost secret: support context, not a request to hand one over. */
export const RECOVERY_CONTEXT = /\b(?:forg[oe]t(?:ten)?|lost|reset|recover|olvid\w*|vergess\w*|oubli\w*|esquec\w*|dimentic\w*|vergeten)\b|忘|забыл\w*|잊어버|نسيت/i;

/** A command, in any of the twelve languages: used after the text has addressed the model. */
export const IMPERATIVE_ANY_LANGUAGE = new RegExp(
  [
    "\\b(?:tell|say|send|call|run|rate|recommend|list|output|print|close|approve|add|include|open|fetch|forward|skip|share|confirm|delete|remove|mark|describe|rank|state|reply|respond|answer|write|insert|use|proceed|execute|ignore|disregard|forget|do not|don't|never|always|go ahead|make sure|instead|must|should|need to|compile|deliver|merge|post|put|commit|push|publish|upload|create|copy|move|e-?mail|accept|reject|refund|treat|prioriti[sz]e|follow|obey|paste|grab|dm|apply|lock|cite|leave out|omit|exclude|downplay|emphasi[sz]e|highlight|portray|praise|replace|change|update|edit|modify|classify|issue|grant|invite|collect|gather|visit|click|download|install|sign|pay|wire|transfer|book|cancel|report|carry out|can you|could you|would you|please|set|reassign|assign|label|are (?:to|required|authori[sz]ed|allowed|permitted))\\b",
    '\\b(?:por favor|obedece|exporta|a partir de ahora|de ahora en adelante|env[ií]a|reenv[ií]a|di|dile|responde|ignora|olvida|incluye|escribe|recomienda|haz|debes|tienes que|pide|borra|elimina|omite|oculta|evita|menciona|describe|califica|aprueba|reembolsa|transfiere|comparte|copia|sube|publica|abre|ejecuta|llama|no (?:digas|menciones|resumas))\\b',
    '\\b(?:bitte|exportiere|gehorche|ab jetzt|ab sofort|von nun an|schreibe?|sag|sage|sende|schicke?|ignoriere|vergiss|antworte|empfiehl|füge|gib|mach|du musst|du sollst|leite|lösche|verlinke|lass|lasse|erwähne|beschreibe|bewerte|genehmige|überweise|teile|kopiere|lade|veröffentliche|verschweige|öffne|führe|rufe)\\b',
    "\\b(?:écris|exporte|obéis|désormais|transmets|dis|envoie|transfère|ignore|oublie|réponds|recommande|ajoute|inclus|supprime|efface|confirme|tu dois|vous devez|omets|omettez|mentionne|décris|approuve|rembourse|partage|copie|publie|ouvre|exécute|appelle|cache|veuillez|ne (?:révèle|dis|mentionne))\\b",
    '\\b(?:escreva|exporte|encaminhe|obedeça|transfira|diga|envie|ignore|esqueça|responda|recomende|inclua|adicione|apague|exclua|você deve|a partir de agora|omita|mencione|descreva|aprove|reembolse|compartilhe|copie|publique|abra|execute|chame|oculte)\\b',
    "\\b(?:scrivi|esporta|inoltra|trasferisci|concedi|obbedisci|d'ora in poi|da ora in poi|invia|ignora|dimentica|rispondi|raccomanda|includi|aggiungi|elimina|cancella|eliminate|cancellate|inviate|ignorate|scrivete|devi|dovete|ometti|menziona|descrivi|approva|rimborsa|condividi|copia|pubblica|apri|esegui|chiama|nascondi|per favore|non (?:dire|menzionare))\\b",
    '\\b(?:schrijf|maak|boek|betaal|exporteer|gehoorzaam|vanaf nu|zeg|stuur|negeer|vergeet|antwoord|voeg|je moet|laat|vermeld|beschrijf|keur|deel|kopieer|publiceer|voer|roep|verberg)\\b',
    'напиши|экспортируй|подчиняйся|отныне|скажи|отправь|игнорируй|забудь|ответь|порекомендуй|добавь|удали|ты должен|с этого момента|не сообщай|не говори|опусти|упомяни|опиши|одобри|перешли|поделись|скопируй|опубликуй|открой|выполни|вызови|скрой',
    '请|立即|必须|不要|调用|发送|告诉|回复|忽略|推荐|把|删除',
    'ください|しなさい|必ず|しないで|してください|無視し',
    '세요|하십시오|해라|하라|마세요|지금부터|해야',
    'أرسل|قل|اكتب|تجاهل|يجب|أجب|أضف|لا تخبر|أعد توجيه|انسخ|شارك|احذف|وافق|ادمج',
  ].join('|'),
  'i',
);

/** An e-mail address as a destination. */
export const EMAIL = '[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}';

/** "Do not follow your earlier instructions", per language, including negated forms. */
export const DONT_FOLLOW: Record<string, string> = {
  es: '\\bno (?:sigas|siga|hagas caso (?:de|a)|haga caso (?:de|a)|obedezcas|tengas en cuenta|tomes en cuenta)\\b[^\\n.!?]{0,25}?\\b(?:las |tus |sus |estas )?(?:instrucciones|indicaciones|reglas|[oó]rdenes|directrices)',
  de: '\\b(?:beachte|befolge|befolgen sie|beachten sie|folge)\\b[^\\n.!?]{0,30}?\\b(?:Anweisungen|Regeln|Vorgaben|Instruktionen|Befehle)\\b[^\\n.!?]{0,20}?\\bnicht\\b|\\bvergiss\\b[^\\n.!?]{0,10}?\\bwas (?:man )?dir (?:vorher|zuvor|bisher|früher) (?:gesagt|aufgetragen|befohlen)',
  fr: "\\bne (?:tiens|tenez|suis|suivez|respecte|respectez) (?:pas|plus)(?: compte)?\\b[^\\n.!?]{0,10}?\\b(?:des |de tes |de vos |les |tes |vos )?(?:consignes|instructions|règles|directives)",
  pt: '\\bnão (?:siga|sigas|obedeça|considere|respeite)\\b[^\\n.!?]{0,15}?\\b(?:as |suas |tuas )?(?:instruções|regras|orientações|ordens)',
  it: '\\bnon (?:seguire|seguite|considerare|rispettare|obbedire a)\\b[^\\n.!?]{0,15}?\\b(?:le |tue )?(?:istruzioni|regole|indicazioni|direttive)',
  nl: '\\b(?:volg|volgt)\\b[^\\n.!?]{0,30}?\\b(?:instructies|regels|aanwijzingen|opdrachten)\\b[^\\n.!?]{0,15}?\\bniet\\b|\\bvergeet\\b[^\\n.!?]{0,10}?\\bwat (?:je|jij|u) (?:eerder|vroeger|daarvoor|tot nu toe) (?:is|werd|hebt|heeft)? ?(?:opgedragen|gezegd|gevraagd|geleerd)',
  ru: 'не (?:следуй|следуйте|выполняй|выполняйте|слушай|слушайте|обращай внимания на|соблюдай)[^\\n.!?]{0,25}?(?:инструкци|указани|правил|команд|распоряжени)',
  zh: '不要(?:再)?(?:遵守|遵循|执行|理会|听从|服从|遵照)[^\\n。！？]{0,8}?(?:规则|指令|指示|说明|要求|命令)',
  ja: '(?:指示|命令|ルール|指令)(?:に|には)(?:もう)?従わ(?:ない|ず)',
  ko: '(?:지시|지침|명령|규칙)(?:는|은|을|를|에)?\\s?(?:더 이상\\s)?따르지',
  ar: 'لا (?:تتبع|تلتزم ب|تطع|تنفذ)\\s?(?:ال)?(?:تعليمات|أوامر|قواعد|إرشادات)',
};

/** Words for "the AI reading this", in the twelve languages. */
export const MODEL_TERMS_ML =
  '(?:(?:AI|LLM|GPT)(?:[ -][A-Za-z]+){0,2}[ -](?:bots?|assistants?|agents?|models?|systems?|helpers?|reviewers?)|AI|A\\.I\\.|IA|KI|LLMs?|(?:large )?language models?|assistants?|\\(agents?\\)|(?:autonomous |coding )agents?|chat ?bots?|bots?|models?|summari[sz]ers?|ChatGPT|Claude|Copilot|Gemini|GPT-?\\d?o?|' +
  'modelos? de (?:lenguaje|IA)|asistentes?(?: de IA| virtual(?:es)?)?|virtual assistants?|agentes? (?:de )?IA|agent[ei] (?:di )?IA|Sprachmodell(?:e|en)?|KI-(?:Assistent(?:en)?|Agent(?:en)?|Modell(?:e)?)|Assistent(?:en)?|mod[èe]les? de langage|assistants? IA|assistante?|modello linguistico|modelli linguistici|assistente(?: IA)?|taalmodel(?:len)?|AI-assistent|modelo|modell|modèle|modello|' +
  'ИИ(?:-ассистент[а-яё]*|-агент[а-яё]*)?|ассистент[а-яё]*|агент[а-яё]*|нейросет[а-яё]*|языков[а-яё]* модел[а-яё]*|' +
  'AI ?助手|人工智能|智能助手|助手|语言模型|智能体|' +
  'AI ?アシスタント|アシスタント|エージェント|言語モデル|' +
  'AI ?어시스턴트|어시스턴트|에이전트|언어 ?모델|비서|' +
  'مساعد الذكاء الاصطناعي|المساعد(?: الذكي)?|الذكاء الاصطناعي|نموذج(?: الذكاء الاصطناعي| لغوي)?|الوكيل)';

/** Words that mark the following text as addressed to whoever is named next ("note for", "Hinweis an"). */
export const ADDRESS_PREFIX_ML =
  '(?:(?:important |quick |urgent )?(?:note|notice|message|reminder|instructions?|request|favou?r|p\\.s\\.)(?: (?:to|for))?(?: all| every| any)?|dear|attention|to all|to|for|hey|' +
  'importante para|nota para(?: el| la| los| las)?|aviso (?:a|ao|à|para)(?: el| o)?|mensaje para(?: el)?|instrucciones para(?: el)?|para(?: el| la| los| o| os)?|' +
  'hinweis (?:an|für)(?: den| die| alle)?|nachricht an(?: den| die| alle)?|anweisung(?:en)? (?:an|für)(?: den| die| alle)?|an(?: den| die| alle)?|für(?: den| die| alle)?|liebe[rs]?|' +
  "consignes? pour(?: l'| le| la| les)?|remarque pour(?: l'| le)?|note pour(?: l'| le)?|message pour(?: l'| le)?|pour(?: l'| le| les)?|cher|chère|" +
  "nota per(?: l'| il)?|messaggio per(?: l'| il)?|istruzioni per(?: l'| il)?|per(?: l'| il)?|caro|cara|" +
  'bericht voor(?: de)?|opmerking voor(?: de)?|instructies voor(?: de)?|voor(?: de)?|beste|' +
  'сообщение для|указание для|инструкция для|для|дорогой|уважаемый|' +
  '致|给|寄给|' +
  'إلى|ملاحظة إلى|رسالة إلى)';

/** Multi-word or named terms that cannot be a transcript speaker label: a header may use them bare. */
export const MODEL_TERMS_STRONG =
  '(?:(?:AI|LLM|GPT)(?:[ -][A-Za-z]+){0,2}[ -](?:bots?|assistants?|agents?|models?|systems?|helpers?|reviewers?)|(?:large )?language models?|LLMs?|chat ?bots?|ChatGPT|Claude|Copilot|Gemini|' +
  'modelos? de (?:lenguaje|IA)|asistentes? (?:de IA|virtual(?:es)?)|agentes? (?:de )?IA|Sprachmodell(?:e|en)?|KI-(?:Assistent(?:en)?|Agent(?:en)?|Modell(?:e)?)|mod[èe]les? de langage|assistants? IA|agents? IA|modell[oi] linguistic[oi]|agent[ei] (?:di )?IA|assistente IA|taalmodel(?:len)?|AI-assistent|' +
  'ИИ-(?:ассистент|агент)[а-яё]*|языков[а-яё]* модел[а-яё]*|нейросет[а-яё]*|AI ?助手|人工智能|语言模型|AI ?アシスタント|AI ?エージェント|言語モデル|AI ?어시스턴트|AI ?에이전트|언어 ?모델|نموذج الذكاء الاصطناعي|مساعد الذكاء الاصطناعي)';
