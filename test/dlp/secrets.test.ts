import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { secretRules } from '../../src/inspect/dlp/index.js';
import { alnum, exact, githubToken, hexStr, randStr, rng, scan, scanLeaves } from './helpers.js';

const r = rng(7);
const URLA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function jwt(): string {
  const h = Buffer.from('{"alg":"RS256","typ":"JWT","kid":"k1"}').toString('base64url');
  const p = Buffer.from(`{"sub":"${alnum(r, 10)}","aud":"api","exp":1893456000}`).toString('base64url');
  return `${h}.${p}.${createHmac('sha256', 'k').update(h + p).digest('base64url')}`;
}

/** [rule id, value, text around it (VALUE is replaced)] */
const positives: [string, string, string][] = [
  ['aws-access-key-id', 'AKIA' + randStr(r, B32, 16), 'aws_access_key_id = VALUE'],
  ['aws-access-key-id', 'ASIA' + randStr(r, B32, 16), '{"AccessKeyId": "VALUE"}'],
  ['aws-secret-access-key', randStr(r, URLA.replace(/[_-]/g, '') + '+/', 40), 'AWS_SECRET_ACCESS_KEY=VALUE'],
  ['gcp-api-key', 'AIza' + randStr(r, URLA, 35), 'const key = "VALUE";'],
  ['gcp-oauth-client-secret', 'GOCSPX-' + randStr(r, URLA, 28), 'client_secret: VALUE'],
  ['google-oauth-access-token', 'ya29.' + randStr(r, URLA, 120), 'Authorization header was ya29 token VALUE'],
  ['azure-storage-account-key', Buffer.from(alnum(r, 64)).toString('base64').slice(0, 86) + '==', 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=VALUE;EndpointSuffix=core.windows.net'],
  ['github-pat', githubToken(r), 'git clone https://x:VALUE@github.com/acme/repo'],
  ['github-oauth-token', githubToken(r, 'gho_'), 'token=VALUE'],
  ['github-app-installation-token', githubToken(r, 'ghs_'), 'GH_TOKEN: VALUE'],
  ['github-fine-grained-pat', `github_pat_${alnum(r, 22)}_${alnum(r, 59)}`, 'export GITHUB_TOKEN=VALUE'],
  ['gitlab-pat', 'glpat-' + randStr(r, URLA, 20), 'PRIVATE-TOKEN: VALUE'],
  ['slack-bot-token', `xoxb-${randStr(r, '0123456789', 12)}-${randStr(r, '0123456789', 13)}-${alnum(r, 24)}`, 'SLACK_BOT_TOKEN=VALUE'],
  ['slack-webhook-url', `hooks.slack.com/services/T${randStr(r, B32, 8)}/B${randStr(r, B32, 10)}/${alnum(r, 24)}`, 'POST https://VALUE'],
  ['stripe-secret-key', 'sk_live_' + alnum(r, 99), 'Stripe.api_key = "VALUE"'],
  ['stripe-restricted-key', 'rk_live_' + alnum(r, 40), 'key: VALUE'],
  ['stripe-webhook-secret', 'whsec_' + alnum(r, 32), 'STRIPE_WEBHOOK_SECRET=VALUE'],
  ['openai-api-key', `sk-proj-${randStr(r, URLA, 60)}T3BlbkFJ${randStr(r, URLA, 60)}`, 'OPENAI_API_KEY=VALUE'],
  ['anthropic-api-key', `sk-ant-api03-${randStr(r, URLA, 93)}AA`, 'x-api-key: VALUE'],
  ['huggingface-token', 'hf_' + alnum(r, 34), 'HF_TOKEN=VALUE'],
  ['groq-api-key', 'gsk_' + alnum(r, 52), '"apiKey":"VALUE"'],
  ['npm-access-token', 'npm_' + alnum(r, 36), '//registry.npmjs.org/:_authToken=VALUE'],
  ['pypi-upload-token', 'pypi-AgEIcHlwaS5vcmc' + randStr(r, URLA, 60), 'password = VALUE'],
  ['dockerhub-pat', 'dckr_pat_' + randStr(r, URLA, 27), 'echo VALUE | docker login -u me --password-stdin'],
  ['sendgrid-api-key', `SG.${randStr(r, URLA, 22)}.${randStr(r, URLA, 43)}`, 'SENDGRID_API_KEY=VALUE'],
  ['twilio-api-key', 'SK' + hexStr(r, 32), 'sid VALUE'],
  ['telegram-bot-token', `${randStr(r, '123456789', 10)}:AA${randStr(r, URLA, 33)}`, 'bot VALUE'],
  ['discord-webhook-url', `discord.com/api/webhooks/${randStr(r, '0123456789', 18)}/${randStr(r, URLA, 68)}`, 'https://VALUE'],
  ['digitalocean-pat', 'dop_v1_' + hexStr(r, 64), 'DIGITALOCEAN_TOKEN=VALUE'],
  ['vault-service-token', 'hvs.' + randStr(r, URLA, 95), 'VAULT_TOKEN=VALUE'],
  ['shopify-access-token', 'shpat_' + hexStr(r, 32), 'X-Shopify-Access-Token: VALUE'],
  ['heroku-api-key', `${hexStr(r, 8)}-${hexStr(r, 4)}-4${hexStr(r, 3)}-a${hexStr(r, 3)}-${hexStr(r, 12)}`, 'HEROKU_API_KEY=VALUE'],
  ['datadog-api-key', hexStr(r, 32), 'DD_API_KEY: VALUE'],
  ['new-relic-user-api-key', 'NRAK-' + randStr(r, B32, 27), 'NEW_RELIC_API_KEY=VALUE'],
  ['sentry-user-token', 'sntryu_' + hexStr(r, 64), 'SENTRY_AUTH_TOKEN=VALUE'],
  ['databricks-token', 'dapi' + hexStr(r, 32), 'DATABRICKS_TOKEN=VALUE'],
  ['square-access-token', 'EAAA' + randStr(r, URLA, 60), 'SQUARE_ACCESS_TOKEN=VALUE'],
  ['paypal-braintree-access-token', `access_token$production$${randStr(r, 'abcdefghijklmnopqrstuvwxyz0123456789', 16)}$${hexStr(r, 32)}`, 'BRAINTREE=VALUE'],
  ['mailchimp-api-key', `${hexStr(r, 32)}-us14`, 'MAILCHIMP_KEY=VALUE'],
  ['age-secret-key', 'AGE-SECRET-KEY-1' + randStr(r, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58), '# created: 2026-05-14\nVALUE'],
  ['jwt', jwt(), 'id_token=VALUE'],
  ['postgres-connection-string', alnum(r, 18), 'DATABASE_URL=postgres://app:VALUE@db.internal:5432/app'],
  ['mongodb-connection-string', alnum(r, 14), 'mongodb+srv://admin:VALUE@cluster0.ab1cd.mongodb.net/test'],
  ['redis-connection-string', alnum(r, 20), 'REDIS_URL=rediss://default:VALUE@cache.example.net:6380'],
  ['url-basic-auth', alnum(r, 16), 'curl https://deploy:VALUE@registry.internal/v2/'],
  ['authorization-bearer', alnum(r, 40), 'curl -H "Authorization: Bearer VALUE" https://api.internal'],
  ['authorization-basic', Buffer.from(`svc:${alnum(r, 14)}`).toString('base64'), 'Authorization: Basic VALUE'],
  ['authorization-bearer', hexStr(r, 40), 'curl -H "Authorization: token VALUE" https://api.github.com/user'],
  ['generic-password', 'Tr0ub4dor&3x', 'DB_PASSWORD=VALUE'],
  ['generic-password', 'correct-horse-9', '{"password": "VALUE"}'],
  ['generic-api-key', alnum(r, 32), 'INTERNAL_SERVICE_TOKEN="VALUE"'],
  ['generic-password', 'Xy7#kLm2pQ', '<config><password>VALUE</password></config>'],
  ['generic-password', 'Zq8Wm4Rt2Lp7', 'docker login --password VALUE -u me'],
  ['generic-password', 'p4ss-W0rd-2291', 'database:\n  host: db\n  password: VALUE\n'],
];

describe('secret rules: positives with exact offsets', () => {
  for (const [type, value, around] of positives) {
    it(`${type} in ${JSON.stringify(around.slice(0, 30))}`, () => {
      const text = around.replace('VALUE', value);
      const found = scan(text);
      const hits = exact(found, text, value);
      assert.ok(
        hits.some((f) => f.type === type),
        `expected ${type} covering exactly the value; got ${JSON.stringify(found.map((f) => [f.type, f.start, f.end]))}`,
      );
      for (const f of hits) {
        assert.equal(f.engine, 'dlp');
        assert.equal(f.category, 'secret');
        assert.equal(f.action, 'redact', 'secrets are redacted by default');
        assert.ok(!(f.detail ?? '').includes(value), 'detail never carries the value');
        assert.ok(f.score > 0 && f.score <= 1);
      }
    });
  }

  it('private keys: PEM blocks of RSA, EC, PKCS#8, with real and with escaped newlines', () => {
    const keys: [string, string][] = [
      ['private-key-rsa', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trim()],
      ['private-key-ec', generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString().trim()],
      ['private-key-pkcs8', generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim()],
    ];
    for (const [type, pem] of keys) {
      const text = `key file:\n${pem}\n-- end of file`;
      assert.ok(exact(scan(text), text, pem).some((f) => f.type === type), `${type} with newlines`);
      // The same key inside a JSON document that was itself put in a string: `\n` stays two characters.
      const escaped = JSON.stringify({ private_key: pem });
      const f = scan(escaped).find((x) => x.type === type);
      assert.ok(f, `${type} with escaped newlines`);
      assert.equal(escaped.slice(f.start, f.end), JSON.stringify(pem).slice(1, -1));
    }
  });

  it('an OpenSSH key block is found and its whole block is the span', () => {
    const body = Buffer.from(alnum(r, 300)).toString('base64').replace(/(.{70})/g, '$1\n');
    const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;
    assert.ok(exact(scan(pem), pem, pem).some((f) => f.type === 'private-key-openssh'));
  });

  it('an AWS secret key without a name is paired with an access key id elsewhere in the message', () => {
    const id = 'AKIA' + randStr(r, B32, 16);
    const secret = 'q' + alnum(r, 20) + '/' + alnum(r, 17) + 'Z';
    const f = scanLeaves([
      { path: '$.params.arguments.id', text: id },
      { path: '$.params.arguments.value', text: secret },
    ]);
    assert.ok(f.some((x) => x.type === 'aws-access-key-id' && x.path === '$.params.arguments.id'));
    const s = f.find((x) => x.type === 'aws-secret-access-key');
    assert.ok(s, 'paired secret found');
    assert.equal(s.path, '$.params.arguments.value');
    assert.deepEqual([s.start, s.end], [0, 40]);
  });

  it('a JSON key that names a secret makes its value a finding; the key in the path decides', () => {
    const v = alnum(r, 28);
    assert.ok(scanLeaves([{ path: '$.params.arguments.clientSecret', text: v }]).some((f) => f.type === 'generic-api-key' && f.start === 0 && f.end === 28));
    assert.ok(scanLeaves([{ path: '$["DB_PASSWORD"]', text: 'hunter2-Xy9' }]).some((f) => f.type === 'generic-password'));
    assert.equal(scanLeaves([{ path: '$.token_type', text: 'Bearer' }]).length, 0);
    assert.equal(scanLeaves([{ path: '$.max_tokens', text: v }]).length, 0);
    assert.equal(scanLeaves([{ path: '$.password_hint', text: 'first pet' }]).length, 0);
  });

  it('GitHub tokens with a valid checksum score higher than ones without', () => {
    const good = githubToken(r);
    const bad = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    const g = scan(`t=${good}`).find((f) => f.type === 'github-pat');
    const b = scan(`t=${bad}`).find((f) => f.type === 'github-pat');
    assert.ok(g && b);
    assert.ok(g.score > b.score, `${g.score} > ${b.score}`);
  });

  it('has at least 150 distinct secret rule ids, each with keywords and a pattern that compiles', () => {
    const ids = new Set(secretRules.map((x) => x.id));
    assert.equal(ids.size, secretRules.length, 'ids are unique');
    assert.ok(ids.size >= 150, `${ids.size} rules`);
    for (const rule of secretRules) {
      assert.ok(rule.keywords.length > 0, rule.id);
      assert.doesNotThrow(() => new RegExp(rule.pattern, rule.flags ?? ''), rule.id);
    }
  });
});

const hardNegatives: [string, string][] = [
  ['AWS documentation example key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['Stripe test placeholder', 'STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'],
  ['token placeholder', 'GITHUB_TOKEN=your-token-here'],
  ['angle placeholder', 'OPENAI_API_KEY=<your-api-key>'],
  ['template variables', 'password: ${DB_PASSWORD}\napi_key: "{{ secret }}"\ntoken: \'%(token)s\''],
  ['UUIDs and ULIDs', 'order 3f2a9c1b-7e4d-4f6a-8b9c-0d1e2f3a4b5c user 01HZX3M9Q2W7E5R8T6Y4U1I0PA'],
  ['git SHA and hashes', 'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae md5 d41d8cd98f00b204e9800998ecf8427e'],
  ['SRI integrity', 'integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"'],
  ['Stripe object ids', '{"id":"ch_3MtwBwLkdIwHu7ix28a3tqPa","customer":"cus_NffrFeUfNV2Hib","payment_intent":"pi_3MtwBwLkdIwHu7ix28a3tqPa"}'],
  ['ARNs', 'arn:aws:iam::123456789012:role/service-role/lambda-exec arn:aws:s3:::my-logs-bucket'],
  ['type annotations', 'interface Creds { username: string; password: string; apiKey?: string }'],
  ['code references', 'const password = await prompt("Password: ");\nconst token = getToken();\nif (password === confirmPassword) submit();'],
  ['OAuth response metadata', '{"token_type":"Bearer","expires_in":3600,"max_tokens":4096}'],
  ['default local database URL', 'postgres://user:password@localhost:5432/db and postgres://postgres:postgres@localhost/app'],
  ['public keys', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEYWnm/eplO9BFtXszMRQNL5UtZ8HJ\n-----END PUBLIC KEY-----\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGnPq9o4mB5nJ2b0m0kP0N1rB4n8k9Gm deploy@ci'],
  ['version strings and timestamps', 'version 4.18.2 build 2026.05.14.1130 at 2026-05-14T09:12:33.512Z ts=1715678553512'],
  ['HTML and CLI mentions without values', '<input type="password">Enter</input> use --password-stdin, or --token --verbose'],
  ['secret names, not values', 'SECRET_NAME=prod/db/password\nTOKEN_URL=https://auth.example.com/oauth/token\nPASSWORD_MIN_LENGTH=12'],
  ['image data', `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), Buffer.alloc(200, 7)]).toString('base64')}`],
];

describe('secret rules: hard negatives stay quiet', () => {
  for (const [name, text] of hardNegatives) {
    it(name, () => {
      const found = scan(text).filter((f) => f.category === 'secret');
      assert.deepEqual(found.map((f) => `${f.type}:${text.slice(f.start, f.end)}`), []);
    });
  }
});
