import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  aadhaar, abaRouting, btcBase58, btcBech32, cnpj, cpf, ethEip55, iban, itin, luhn, nhs, paymentCard, sin, ssn, ukNino,
} from '../../src/inspect/dlp/validators.js';
import { exact, scan, scanLeaves } from './helpers.js';

describe('validators: published check algorithms', () => {
  it('Luhn and card issuer ranges', () => {
    assert.ok(luhn('79927398713'));
    assert.ok(!luhn('79927398710'));
    for (const c of ['4111111111111111', '5500005555555559', '378282246310005', '6011111111111117', '3530111333300000', '2223003122003222', '30569309025904']) {
      assert.ok(paymentCard(c), c);
    }
    assert.ok(!paymentCard('4111111111111112'), 'Luhn failure');
    assert.ok(!paymentCard('9111111111111111'.slice(0, 15) + '5'), 'unknown issuer');
    assert.ok(!paymentCard('0000000000000000'), 'all zeros');
  });
  it('IBAN: mod 97 and the length of the country', () => {
    assert.ok(iban('GB82WEST12345698765432'));
    assert.ok(iban('DE89 3704 0044 0532 0130 00'));
    assert.ok(iban('FR1420041010050500013M02606'));
    assert.ok(!iban('GB82WEST12345698765433'), 'checksum');
    assert.ok(!iban('DE8937040044053201300'), 'length for DE');
    assert.ok(!iban('XX82WEST12345698765432'), 'unknown country');
  });
  it('US SSN and ITIN rules', () => {
    assert.ok(ssn('536-22-1234'));
    for (const bad of ['000-12-3456', '666-12-3456', '912-12-3456', '536-00-1234', '536-22-0000', '078-05-1120']) assert.ok(!ssn(bad), bad);
    assert.ok(itin('912-78-1234'));
    assert.ok(!itin('912-40-1234'));
  });
  it('UK NI number, NHS number (mod 11), Canadian SIN (Luhn)', () => {
    assert.ok(ukNino('AB123456C'));
    assert.ok(!ukNino('DA123456C'), 'D is not a valid first letter');
    assert.ok(!ukNino('GB123456A'), 'GB prefix is not allocated');
    assert.ok(nhs('943 476 5919'));
    assert.ok(!nhs('943 476 5918'));
    assert.ok(sin('130 278 971'));
    assert.ok(!sin('130 278 972'));
    assert.ok(!sin('046 454 286'), 'numbers starting with 0 are reserved for tests');
  });
  it('Aadhaar (Verhoeff), CPF, CNPJ, ABA routing', () => {
    assert.ok(aadhaar('2341 2341 2346'));
    assert.ok(!aadhaar('2341 2341 2345'));
    assert.ok(!aadhaar('1341 2341 2346'), 'cannot start with 0 or 1');
    assert.ok(cpf('529.982.247-25'));
    assert.ok(!cpf('529.982.247-26'));
    assert.ok(!cpf('111.111.111-11'), 'repeated digits');
    assert.ok(cnpj('11.222.333/0001-81'));
    assert.ok(!cnpj('11.222.333/0001-82'));
    assert.ok(abaRouting('011000015'));
    assert.ok(!abaRouting('011000016'));
  });
  it('crypto wallets: base58check, bech32/bech32m, EIP-55', () => {
    assert.ok(btcBase58('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'));
    assert.ok(btcBase58('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'));
    assert.ok(!btcBase58('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3'));
    assert.ok(btcBech32('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'));
    assert.ok(btcBech32('bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297'));
    assert.ok(!btcBech32('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx'));
    assert.ok(ethEip55('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'));
    assert.ok(ethEip55('0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'));
    assert.ok(!ethEip55('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'), 'wrong case');
    assert.ok(!ethEip55('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'), 'no checksum in all-lower');
  });
});

/** [type, value, text with VALUE] */
const positives: [string, string, string][] = [
  ['email', 'jane.doe+billing@acme-corp.io', 'Contact: VALUE.'],
  ['phone-number', '+44 20 7946 0958', 'Call VALUE tomorrow'],
  ['phone-number', '(415) 555-2671', 'phone: VALUE'],
  ['phone-number', '212-456-7890', 'mobile VALUE'],
  ['credit-card', '4242 4242 4242 4242', 'card VALUE exp 12/29'],
  ['credit-card', '378282246310005', '{"pan":"VALUE"}'],
  ['credit-card', '5500-0055-5555-5559', 'paid with VALUE'],
  ['iban', 'DE89 3704 0044 0532 0130 00', 'IBAN: VALUE'],
  ['iban', 'GB82WEST12345698765432', 'send to VALUE'],
  ['us-ssn', '536-22-1234', 'SSN VALUE'],
  ['us-ssn', '536221234', 'social security number: VALUE'],
  ['us-itin', '912-78-1234', 'ITIN VALUE'],
  ['uk-nino', 'AB 12 34 56 C', 'NI number VALUE'],
  ['uk-nhs-number', '943 476 5919', 'NHS number: VALUE'],
  ['ca-sin', '130 278 971', 'SIN: VALUE'],
  ['in-aadhaar', '2341 2341 2346', 'Aadhaar VALUE'],
  ['br-cpf', '529.982.247-25', 'CPF VALUE'],
  ['br-cnpj', '11.222.333/0001-81', 'CNPJ VALUE'],
  ['aba-routing-number', '011000015', 'routing number VALUE'],
  ['ip-address', '8.8.4.4', 'client VALUE connected'],
  ['ip-address', '2a00:1450:4001:82a::200e', 'from VALUE.'],
  ['mac-address', 'a4:83:e7:1b:2c:9d', 'device VALUE joined'],
  ['crypto-wallet-btc', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'send to VALUE'],
  ['crypto-wallet-btc', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'payout VALUE'],
  ['crypto-wallet-eth', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'wallet VALUE'],
  ['date-of-birth', '1984-07-21', 'DOB: VALUE'],
  ['date-of-birth', 'March 3, 1979', 'Date of birth: VALUE'],
  ['passport-number', 'C01X00T47', 'Passport No. VALUE'],
  ['passport-number', '533380006', 'passport number: VALUE'],
];

describe('personal data: positives with exact offsets', () => {
  for (const [type, value, around] of positives) {
    it(`${type}: ${JSON.stringify(around.replace('VALUE', '…'))}`, () => {
      const text = around.replace('VALUE', value);
      const found = scan(text);
      const hits = exact(found, text, value).filter((f) => f.type === type);
      assert.equal(hits.length, 1, `got ${JSON.stringify(found.map((f) => [f.type, text.slice(f.start, f.end)]))}`);
      assert.equal(hits[0]!.category, 'pii');
      assert.equal(hits[0]!.action, 'alert', 'personal data is alerted by default');
    });
  }

  it('the JSON key gives context to a bare number and to a date', () => {
    assert.ok(scanLeaves([{ path: '$.patient.nhsNumber', text: '9434765919' }]).some((f) => f.type === 'uk-nhs-number'));
    assert.ok(scanLeaves([{ path: '$.customer.date_of_birth', text: '1984-07-21' }]).some((f) => f.type === 'date-of-birth'));
    assert.ok(scanLeaves([{ path: '$.traveller.passportNumber', text: 'C01X00T47' }]).some((f) => f.type === 'passport-number'));
  });
});

const negatives: [string, string][] = [
  ['invalid Luhn card', 'card 4242 4242 4242 4241 declined'],
  ['invalid IBAN checksum', 'IBAN DE89370400440532013001'],
  ['invalid SSN area', 'SSN 666-12-3456 and 000-11-2222'],
  ['bare nine digits without context', 'order 536221234 shipped'],
  ['NHS-valid number without context', 'reference 9434765919'],
  ['private and documentation IPs', 'bind 0.0.0.0, 10.1.2.3, 192.168.1.1, 127.0.0.1, 172.16.0.5, 192.0.2.10, 198.51.100.7, 203.0.113.9'],
  ['version strings', 'version 1.2.3.4 and v10.20.30.40'],
  ['timestamps and durations', '2026-05-14T09:12:33Z 12:30:45 took 00:01:02'],
  ['documentation IPv6', 'use 2001:db8::1 in examples'],
  ['lower-case ethereum address has no checksum', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  ['transaction hash', '0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b'],
  ['broadcast and zero MACs', 'ff:ff:ff:ff:ff:ff 00:00:00:00:00:00'],
  ['package specifiers and retina images', 'react@18.2.0 @types/node@20.11.5 logo@2x.png git@github.com:acme/api.git'],
  ['dates without a birth context', 'Invoice date 1984-07-21, due 2026-06-01'],
  ['passport word without a number', 'Bring your passport to the office'],
  ['order numbers', 'Order #100234987 and INV-2026-000123'],
];

describe('personal data: hard negatives stay quiet', () => {
  for (const [name, text] of negatives) {
    it(name, () => {
      assert.deepEqual(scan(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`), []);
    });
  }

  it('IP addresses: private ones are reported when public-only is switched off', () => {
    const text = 'upstream 10.1.2.3';
    assert.equal(scan(text).length, 0);
    const all = scan(text, '$', { pii: { ipPublicOnly: false } });
    assert.deepEqual(all.map((f) => [f.type, text.slice(f.start, f.end)]), [['ip-address', '10.1.2.3']]);
  });

  it('a PII type that is switched off is not reported', () => {
    const text = 'Contact: jane.doe@acme-corp.io';
    assert.equal(scan(text).length, 1);
    assert.equal(scan(text, '$', { pii: { types: ['credit-card'] } }).length, 0);
  });
});
