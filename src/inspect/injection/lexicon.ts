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
  'stuur|verstuur|' +
  'отправь\\w*|перешли\\w*|пришли\\w*)\\b|' +
  '发送|发给|发到|转发|傳送|發送|送信|送って|転送|送る|보내|전송|أرسل|ارسل|حوّل)';

/** Objects whose disclosure harms the user no matter who asks. */
export const SECRET_OBJECTS =
  '(?:passwords?|passcodes?|passphrases?|credentials|(?:api|access|auth|session|bearer|refresh)[ _-]?(?:keys?|tokens?)|tokens?|secrets?|private keys?|ssh keys?|seed phrases?|recovery codes?|2fa codes?|one-time codes?|card numbers?|credit cards?|cvv|ssn|social security numbers?|\\.env\\b|' +
  'contraseñas?|credenciales|Passw[oö]rt\\w*|Kennw[oö]rt\\w*|Zugangsdaten|mots? de passe|identifiants|senhas?|credenciais|wachtwoord\\w*|пароль|пароли|ключ\\w*|密码|密碼|口令|パスワード|비밀번호|암호|كلمة (?:ال)?مرور|كلمات المرور)';

/** The user's own data: sensitive when the text asks for it to be sent elsewhere. */
export const USER_DATA =
  '(?:(?:the |this )?user\'?s?|their|his|her|the customer\'?s?|the person\'?s?)(?: \\w+){0,2} (?:e-?mails?|inbox|messages?|files?|documents?|contacts?|contact list|address book|calendar|invoices?|location|history|data|photos?|notes?|chats?|conversations?|address|phone number)|' +
  '(?:conversation|chat) (?:history|log|transcript)|(?:the |this )?(?:entire |full |whole )?conversation|previous messages|system prompt|' +
  '(?:lista de contactos|contactos del usuario|correos del usuario|archivos del usuario|E-Mails? des (?:Nutzers|Benutzers)|Dateien des (?:Nutzers|Benutzers)|Kontakte|fichiers de l\'utilisateur|e-mails de l\'utilisateur|arquivos do usuário|e-mails do usuário|file dell\'utente|e-mail dell\'utente|bestanden van de gebruiker|e-mails van de gebruiker|' +
  'файлы пользователя|письма пользователя|контакты|用户的(?:文件|邮件|聊天记录|联系人)|ユーザーの(?:メール|ファイル|連絡先)|사용자의 (?:이메일|파일|연락처)|(?:ملفات|بريد|رسائل) المستخدم)';

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
